#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import LessonRuntimeProtocol

/// Grading: the submission computes, the checker judges.
///
/// `lessons grade` rewrites each test cell twice. In the submission program (the student's code, sandboxed)
/// every expression that calls the student's code is wrapped in ``record(_:_:)``, which evaluates it and sends
/// its value to the grader; the checks are left out. In the checker program (the instructor's lesson, no
/// student code) the same expression is wrapped in ``replay(_:_:_:)``, which returns the submission's value
/// instead of evaluating it, and the checks run on it. A submission can only pass by sending the right values.
/// Lesson code never calls these functions itself.
extension LessonRuntime {
    /// Submission: evaluates probe `probe` and sends its value to the grader; returns the value.
    @discardableResult
    public static func record<Value: Codable>(_ probe: Int, _ value: @autoclosure () throws -> Value) rethrows -> Value {
        let result = try value()
        sendValue(probe, result)
        return result
    }

    /// Submission: a probe whose value is a pair (a tuple of two encodable values).
    @discardableResult
    public static func record<A: Codable, B: Codable>(_ probe: Int, _ value: @autoclosure () throws -> (A, B)) rethrows -> (A, B) {
        let result = try value()
        sendValue(probe, ProbePair(first: result.0, second: result.1))
        return result
    }

    /// Submission: a probe whose value is a triple.
    @discardableResult
    public static func record<A: Codable, B: Codable, C: Codable>(
        _ probe: Int, _ value: @autoclosure () throws -> (A, B, C)
    ) rethrows -> (A, B, C) {
        let result = try value()
        sendValue(probe, ProbeTriple(first: result.0, second: result.1, third: result.2))
        return result
    }

    /// Checker: the submission's next value of probe `probe` (whose source is `text`), decoded as the type the
    /// instructor's code gives the expression. `value` is never called: it only fixes the type. Inside a check
    /// (`check`), the value is the one the submission sent for the same execution of that check, so a probe the
    /// check skips (`a && f(x)`) never shifts the values of later executions.
    ///
    /// A missing value or one of another type stops the test cell with a message naming the expression.
    public static func replay<Value: Codable>(
        _ probe: Int, _ text: String, check: Int? = nil, _ value: @autoclosure () throws -> Value
    ) -> Value {
        takeValue(probe, text, check: check, as: Value.self)
    }

    /// Checker: a pair-valued probe.
    public static func replay<A: Codable, B: Codable>(
        _ probe: Int, _ text: String, check: Int? = nil, _ value: @autoclosure () throws -> (A, B)
    ) -> (A, B) {
        let pair = takeValue(probe, text, check: check, as: ProbePair<A, B>.self)
        return (pair.first, pair.second)
    }

    /// Checker: a triple-valued probe.
    public static func replay<A: Codable, B: Codable, C: Codable>(
        _ probe: Int, _ text: String, check: Int? = nil, _ value: @autoclosure () throws -> (A, B, C)
    ) -> (A, B, C) {
        let triple = takeValue(probe, text, check: check, as: ProbeTriple<A, B, C>.self)
        return (triple.first, triple.second, triple.third)
    }

    /// Submission: evaluates a probe written inside `try`; sends its value, or the error it threw (as text) and
    /// throws it on.
    @discardableResult
    public static func recordThrowing<Value: Codable>(_ probe: Int, _ value: @autoclosure () throws -> Value) throws -> Value {
        do {
            let result = try value()
            sendValue(probe, result)
            return result
        } catch {
            sendValue(probe, ProbeThrown(thrown: String(describing: error)))
            throw error
        }
    }

    /// Checker: a probe written inside `try`: the submission's value, or a ``ReplayedError`` with the text of the
    /// error the submission's code threw.
    public static func replayThrowing<Value: Codable>(
        _ probe: Int, _ text: String, check: Int? = nil, _ value: @autoclosure () throws -> Value
    ) throws -> Value {
        if let thrown = peekThrown(probe, check: check) {
            _ = takeValue(probe, text, check: check, as: ProbeThrown.self)
            throw ReplayedError(description: thrown)
        }
        return takeValue(probe, text, check: check, as: Value.self)
    }

    /// Checker: runs check number `check` (generated code wraps each check that has probes in it).
    public static func judging<Result>(_ check: Int, _ body: () throws -> Result) rethrows -> Result {
        state.withLock { $0.checkExecutions[check, default: 0] += 1 }
        return try body()
    }

    /// Checker: generated code puts this in place of the exercises' code, which the checker never runs. Reaching
    /// it means a test computed with the student's code where the grader could not see it: the test fails with
    /// this message instead of judging the instructor's code.
    public static func checkerReachedStudentCode(_ name: String, file: StaticString = #file, line: UInt = #line) -> Never {
        fatalError(
            "the checker reached the exercise's code (`\(name)`): this test computes with the student's code in a way "
                + "the grader cannot split, so it cannot be graded (docs/grading.md, \"What a test examines\")")
    }

    /// Generated code calls this where a check of the instructor's test cell stood, in the submission program:
    /// the check's probes are evaluated and sent, the check itself is left to the checker.
    @discardableResult
    public static func probed(_ probes: () throws -> Void) rethrows -> Bool {
        try probes()
        return true
    }

    /// Whether isolated cell `index` runs here.
    ///
    /// In grading the cell runs in a forked child, so that a trap or a hang in it costs that test cell only and the
    /// program goes on without running anything twice: the child runs the cell (this returns true there) and ends
    /// in ``leaveIsolatedCell(_:)``; the parent waits, reports how the cell ended and goes on (this returns false
    /// there). The child may use `timeout` seconds of CPU time (a busy machine never fails it), and four times
    /// that of wall time plus 5 s (a child that sleeps is stopped too). In the submission the parent sends the
    /// cell's status to the grader; in the checker a child that did not finish (a missing value, a trap) fails its
    /// test with the trap's message, as a failed check. Elsewhere it is ``shouldRun(_:)``.
    public static func enterIsolatedCell(_ index: Int, timeout: Double) -> Bool {
        let role = state.withLock { $0.gradingRole }
        guard let role else { return shouldRun(index) }
        fflush(nil)
        let log = NSTemporaryDirectory() + "/lessons-cell-\(index)-\(getpid()).log"
        var results: [Int32] = [-1, -1]
        if role == .checker { _ = pipe(&results) }
        let child = fork()
        if child == 0 {
            _ = setpgid(0, 0)
            limitCPUTime(seconds: timeout)
            if role == .submission {
                redirect(STDOUT_FILENO, to: log)
                redirect(STDERR_FILENO, to: log)
            } else {
                close(results[0])
                state.withLock { state in
                    state.childResults = results[1]
                    state.failedChecks = 0
                    state.credit = nil
                }
            }
            return true
        }
        if role == .checker { close(results[1]) }
        guard child > 0 else {
            if role == .submission {
                sendCellStatus(index, "fork", detail: String(cString: strerror(errno)))
            } else {
                emit(DisplayRecord(kind: .check, text: "the grader could not start this test (fork failed)", passed: false, file: lessonFile, line: 0))
            }
            return false
        }
        let status = waitForCell(child, timeout: timeout)
        if role == .submission {
            let tail = (try? Data(contentsOf: URL(fileURLWithPath: log))).map { $0.suffix(2_000) } ?? Data()
            unlink(log)
            sendCellStatus(index, status, detail: String(decoding: tail, as: UTF8.self))
        } else {
            judgeChild(index, status: status, results: results[0])
        }
        return false
    }

    /// Ends isolated cell `index`: in a grading program's forked child, flushes its output, tells the checker's
    /// parent its failed checks and partial credit, and exits the child.
    public static func leaveIsolatedCell(_ index: Int) {
        guard let role = state.withLock({ $0.gradingRole }) else { return }
        fflush(nil)
        if role == .checker {
            let (descriptor, failed, credit) = state.withLock { ($0.childResults, $0.failedChecks, $0.credit) }
            if descriptor >= 0 {
                writeAll(descriptor, Data("\(failed) \(credit.map { String($0) } ?? "-")\n".utf8))
            }
        }
        _exit(0)
    }

    /// Checker: takes a finished child's failed checks and credit, or fails the test with how the child ended.
    private static func judgeChild(_ index: Int, status: String, results: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(results, &buffer, buffer.count)
            if count > 0 { bytes += buffer[..<count]; continue }
            if count < 0 && errno == EINTR { continue }
            break
        }
        close(results)
        let fields = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        if status == "ok", fields.count == 2, let failed = Int(fields[0]) {
            state.withLock { state in
                state.failedChecks += failed
                if let credit = Double(fields[1]) { state.credit = min(state.credit ?? 1, credit) }
            }
            return
        }
        let (directory, file) = state.withLock { ($0.outputDirectory, $0.lessonFile) }
        let errors = directory.flatMap { try? String(contentsOfFile: $0 + "/" + CellFileNames.standardError(cell: index), encoding: .utf8) } ?? ""
        let trap = CheckerTrap(standardError: errors)
        let message: String
        switch status {
        case "timeout": message = "the test ran out of time (its time limit) in the checker"
        case "ok": message = trap?.message ?? "the test ended early in the checker"
        default: message = trap?.message ?? "the test stopped in the checker (\(status))"
        }
        emit(DisplayRecord(kind: .check, text: message, passed: false, file: trap?.file ?? file, line: trap?.line ?? 0))
    }

    /// Limits the calling process to `seconds` of CPU time (rounded up); SIGXCPU ends it after that.
    private static func limitCPUTime(seconds: Double) {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_CPU.rawValue)
        #else
        let resource = RLIMIT_CPU
        #endif
        guard getrlimit(resource, &limit) == 0 else { return }
        let wanted = rlim_t(max(1, seconds.rounded(.up)))
        limit.rlim_cur = min(wanted, limit.rlim_max)
        _ = setrlimit(resource, &limit)
    }

    // MARK: Private

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    private static func sendValue<Value: Codable>(_ probe: Int, _ value: Value) {
        let descriptor = state.withLock { $0.controlDescriptor }
        guard let descriptor, let json = try? encoder().encode(ProbeBox(value: value)) else { return }
        var line = Data((ProbeWire.valuePrefix + "\(probe) ").utf8)
        line.append(json)
        line.append(0x0A)
        writeAll(descriptor, line)
    }

    private static func sendCellStatus(_ index: Int, _ status: String, detail: String) {
        let descriptor = state.withLock { $0.controlDescriptor }
        guard let descriptor, let json = try? encoder().encode(detail) else { return }
        var line = Data((ProbeWire.cellPrefix + "\(index) \(status) ").utf8)
        line.append(json)
        line.append(0x0A)
        writeAll(descriptor, line)
    }

    /// Waits for a forked test cell; kills its process group after four times `timeout` seconds and 5 s of wall
    /// time (its CPU time is limited to `timeout` in the child: SIGXCPU is reported as a timeout).
    private static func waitForCell(_ child: pid_t, timeout: Double) -> String {
        let deadline = Date().addingTimeInterval(timeout * 4 + 5)
        var pause: UInt32 = 500
        while true {
            var status: Int32 = 0
            let result = waitpid(child, &status, WNOHANG)
            if result == child {
                let signal = status & 0x7F
                if signal == SIGXCPU { return "timeout" }
                if signal != 0 { return "signal\(signal)" }
                let code = (status >> 8) & 0xFF
                return code == 0 ? "ok" : "exit\(code)"
            }
            if result < 0 && errno != EINTR { return "lost" }
            if Date() >= deadline {
                kill(-child, SIGKILL)
                kill(child, SIGKILL)
                while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                return "timeout"
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    private static func takeValue<Value: Codable>(
        _ probe: Int, _ text: String, check: Int? = nil, as type: Value.Type
    ) -> Value {
        let line: Substring? = state.withLock { state in
            let cursor: Int
            if let check {
                cursor = max(0, state.checkExecutions[check, default: 1] - 1)
            } else {
                cursor = state.probeCursor[probe, default: 0]
                state.probeCursor[probe] = cursor + 1
            }
            guard let values = state.probeValues[probe], cursor < values.count else { return nil }
            return values[cursor]
        }
        guard let line else {
            fatalError("no value from the submission for \(text) (\(ProbeWire.missingValueNote))")
        }
        guard let box = try? decoder().decode(ProbeBox<Value>.self, from: Data(line.utf8)) else {
            fatalError("the submission's value for \(text) is not a \(Value.self)")
        }
        return box.value
    }

    /// The text of the error the submission's probe threw at this point, if it threw.
    private static func peekThrown(_ probe: Int, check: Int?) -> String? {
        let line: Substring? = state.withLock { state in
            let cursor = check.map { max(0, state.checkExecutions[$0, default: 1] - 1) } ?? state.probeCursor[probe, default: 0]
            guard let values = state.probeValues[probe], cursor < values.count else { return nil }
            return values[cursor]
        }
        guard let line, let box = try? decoder().decode(ProbeBox<ProbeThrown>.self, from: Data(line.utf8)) else { return nil }
        return box.value.thrown
    }

    /// Reads the checker's values file: `value N JSON` lines, grouped by probe in file order.
    static func loadProbeValues(_ path: String) -> [Int: [Substring]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var values: [Int: [Substring]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let (probe, json) = ProbeWire.parseValue(line) else { continue }
            values[probe, default: []].append(json)
        }
        return values
    }
}

/// A probe's value on the wire: `{"value": ...}`, so that any encodable value (a bare number too) is a JSON object.
private struct ProbeBox<Value>: Codable where Value: Codable {
    var value: Value
}

/// An error a probe of the submission threw, as text.
private struct ProbeThrown: Codable {
    var thrown: String
}

private struct ProbePair<A: Codable, B: Codable>: Codable {
    var first: A
    var second: B
}

private struct ProbeTriple<A: Codable, B: Codable, C: Codable>: Codable {
    var first: A
    var second: B
    var third: C
}
