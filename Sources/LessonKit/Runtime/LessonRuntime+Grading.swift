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
    public static func record<Value: Codable>(_ probe: Int, _ value: () throws -> Value) rethrows -> Value {
        let result = try value()
        sendValue(probe, result)
        return result
    }

    /// Submission: a probe whose value is a pair (a tuple of two encodable values).
    @discardableResult
    public static func record<A: Codable, B: Codable>(_ probe: Int, _ value: () throws -> (A, B)) rethrows -> (A, B) {
        let result = try value()
        sendValue(probe, ProbePair(first: result.0, second: result.1))
        return result
    }

    /// Submission: a probe whose value is a triple.
    @discardableResult
    public static func record<A: Codable, B: Codable, C: Codable>(
        _ probe: Int, _ value: () throws -> (A, B, C)
    ) rethrows -> (A, B, C) {
        let result = try value()
        sendValue(probe, ProbeTriple(first: result.0, second: result.1, third: result.2))
        return result
    }

    /// Checker: the submission's next value of probe `probe` (whose source is `text`), decoded as the type the
    /// instructor's code gives the expression. `value` is never called: it only fixes the type.
    ///
    /// A missing value or one of another type stops the test cell with a message naming the expression.
    public static func replay<Value: Codable>(_ probe: Int, _ text: String, _ value: () throws -> Value) -> Value {
        takeValue(probe, text, as: Value.self)
    }

    /// Checker: a pair-valued probe.
    public static func replay<A: Codable, B: Codable>(_ probe: Int, _ text: String, _ value: () throws -> (A, B)) -> (A, B) {
        let pair = takeValue(probe, text, as: ProbePair<A, B>.self)
        return (pair.first, pair.second)
    }

    /// Checker: a triple-valued probe.
    public static func replay<A: Codable, B: Codable, C: Codable>(
        _ probe: Int, _ text: String, _ value: () throws -> (A, B, C)
    ) -> (A, B, C) {
        let triple = takeValue(probe, text, as: ProbeTriple<A, B, C>.self)
        return (triple.first, triple.second, triple.third)
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
    /// In a submission the cell runs in a forked child, so that a trap or a hang in it costs that test cell
    /// only and the program goes on without running anything twice: the child runs the cell (this returns true
    /// there) and ends in ``leaveIsolatedCell(_:)``; the parent waits at most `timeout` seconds, reports how the
    /// cell ended and goes on (this returns false there). Elsewhere it is ``shouldRun(_:)``.
    public static func enterIsolatedCell(_ index: Int, timeout: Double) -> Bool {
        guard state.withLock({ $0.gradingRole }) == .submission else { return shouldRun(index) }
        fflush(nil)
        let log = NSTemporaryDirectory() + "/lessons-cell-\(index).log"
        let child = fork()
        if child == 0 {
            _ = setpgid(0, 0)
            redirect(STDOUT_FILENO, to: log)
            redirect(STDERR_FILENO, to: log)
            return true
        }
        guard child > 0 else {
            sendCellStatus(index, "fork", detail: String(cString: strerror(errno)))
            return false
        }
        let status = waitForCell(child, timeout: timeout)
        let tail = (try? Data(contentsOf: URL(fileURLWithPath: log))).map { $0.suffix(2_000) } ?? Data()
        unlink(log)
        sendCellStatus(index, status, detail: String(decoding: tail, as: UTF8.self))
        return false
    }

    /// Ends isolated cell `index`: in a submission's forked child, flushes its output and exits the child.
    public static func leaveIsolatedCell(_ index: Int) {
        guard state.withLock({ $0.gradingRole }) == .submission else { return }
        fflush(nil)
        _exit(0)
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

    /// Waits for a forked test cell; kills its process group after `timeout` seconds.
    private static func waitForCell(_ child: pid_t, timeout: Double) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var pause: UInt32 = 500
        while true {
            var status: Int32 = 0
            let result = waitpid(child, &status, WNOHANG)
            if result == child {
                let signal = status & 0x7F
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

    private static func takeValue<Value: Codable>(_ probe: Int, _ text: String, as type: Value.Type) -> Value {
        let line: Substring? = state.withLock { state in
            let cursor = state.probeCursor[probe, default: 0]
            state.probeCursor[probe] = cursor + 1
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

private struct ProbePair<A: Codable, B: Codable>: Codable {
    var first: A
    var second: B
}

private struct ProbeTriple<A: Codable, B: Codable, C: Codable>: Codable {
    var first: A
    var second: B
    var third: C
}
