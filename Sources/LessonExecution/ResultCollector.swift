import Foundation
import LessonModel
import LessonRuntimeProtocol

/// Turns a finished program run into each cell's ``CellOutput``: streams and displays in order, and how the
/// cell ended (finished, crashed, timed out, exited, failed a check, printed invalid UTF-8).
struct ResultCollector {
    let lesson: Lesson
    let directory: String
    let limits: RunLimits
    /// The folder lesson programs run in; recorded inputs are stored relative to it.
    let workingDirectory: String
    /// How the program's lines map to the lesson's (nil: the program used the lesson's own).
    var lineMap: ProgramLineMap?

    init(lesson: Lesson, directory: String, limits: RunLimits, workingDirectory: String) {
        self.lesson = lesson
        self.directory = directory
        self.limits = limits
        self.workingDirectory = workingDirectory
    }

    /// `text` with the program's line numbers after the lesson's name turned into the lesson's.
    func lessonLines(in text: String) -> String {
        guard let lineMap else { return text }
        return lineMap.rewritingLines(in: text, files: [ProgramAssembler.fileName(for: lesson)])
    }

    func outputs(for cells: ArraySlice<CodeCell>, run: ProgramRun.Result, omitted: Set<Int>) -> [Int: CellOutput] {
        var outputs: [Int: CellOutput] = [:]
        var stopper: (id: String, location: SourceLocation)?
        for cell in cells where !omitted.contains(cell.index) {
            let location = lesson.location(line: cell.openingFenceLine)
            if let stopper {
                outputs[cell.index] = CellOutput(outcome: .notRun(
                    reason: "not run: cell '\(stopper.id)' (\(stopper.location)) stopped the lesson"))
                continue
            }
            guard run.events.started[cell.index] != nil else {
                outputs[cell.index] = CellOutput(outcome: .notRun(reason: startupProblem(run)))
                stopper = (cell.id, location)
                continue
            }
            var (items, problems, inputs) = collectItems(cell)
            let stderrText = items.compactMap { if case .standardError(let text) = $0 { text } else { nil } }.joined()
            let duration = run.events.duration(of: cell.index, end: run.endTime)
            var outcome: CellOutcome = .succeeded
            if run.events.finished[cell.index] == nil {
                let (message, crashLocation, cleaned) = failure(of: cell, run: run, standardError: stderrText)
                items = items.map { if case .standardError = $0 { .standardError(cleaned) } else { $0 } }
                    .filter { if case .standardError(let text) = $0 { !text.isEmpty } else { true } }
                outcome = .failed(message: message, location: crashLocation, isFatal: true)
                items.append(.error("\(crashLocation): error: \(message)"))
                stopper = (cell.id, location)
            } else if let problem = problems.first {
                outcome = .failed(message: problem.message, location: problem.location, isFatal: false)
            } else if let failed = run.events.failedChecks[cell.index], failed > 0 {
                // The runtime counted failed checks whose records are gone: the display file was tampered with.
                let message = "\(failed) check(s) failed in cell '\(cell.id)' (their messages were removed)"
                outcome = .failed(message: message, location: location, isFatal: false)
                items.append(.error("\(location): error: \(message)"))
            }
            var output = CellOutput(outcome: outcome, items: items, duration: duration)
            output.credit = run.events.credit[cell.index]
            output.inputs = inputs
            outputs[cell.index] = output
        }
        return outputs
    }

    private struct Problem {
        var message: String
        var location: SourceLocation
    }

    /// The cell's streams and displays in the order they happened, and non-fatal problems (failed checks,
    /// invalid UTF-8, truncated output).
    private func collectItems(_ cell: CodeCell) -> ([OutputItem], [Problem], [String]) {
        let output = CapturedStream(
            path: directory + "/" + CellFileNames.standardOutput(cell: cell.index), limit: limits.shownOutputBytes)
        let error = CapturedStream(
            path: directory + "/" + CellFileNames.standardError(cell: cell.index), limit: limits.shownOutputBytes)
        let records = displayRecords(cell)
        var items: [OutputItem] = []
        var problems: [Problem] = []
        let location = lesson.location(line: cell.openingFenceLine)
        var inputs = Set<String>()
        var outputPosition = 0
        var errorPosition = 0
        func flushStreams(to outputOffset: Int, _ errorOffset: Int) {
            if outputOffset > outputPosition {
                items.append(.standardOutput(decode(output.slice(outputPosition..<outputOffset))))
                outputPosition = outputOffset
            }
            if errorOffset > errorPosition {
                items.append(.standardError(decode(error.slice(errorPosition..<errorOffset))))
                errorPosition = errorOffset
            }
        }
        func decode(_ bytes: ArraySlice<UInt8>) -> String {
            if let text = String(validating: bytes, as: UTF8.self) { return lessonLines(in: text) }
            problems.append(Problem(
                message: "cell '\(cell.id)' wrote output that is not valid UTF-8 (shown with U+FFFD)",
                location: location))
            return lessonLines(in: String(decoding: bytes, as: UTF8.self))
        }
        for record in records {
            flushStreams(to: record.standardOutputOffset, record.standardErrorOffset)
            switch record.kind {
            case .text: items.append(.value(record.text ?? ""))
            case .svg: items.append(.figure(svg: record.text ?? "", caption: record.caption ?? cell.options.caption))
            case .table: items.append(.table(columns: record.columns ?? [], rows: record.rows ?? []))
            case .input:
                if let path = record.text { inputs.insert(relativePath(path)) }
                continue
            case .check:
                guard record.passed == false else { continue }
                let line = record.line.map { record.file == ProgramAssembler.fileName(for: lesson) ? lineMap?.lessonLineOrSame($0) ?? $0 : $0 }
                let checkLocation = SourceLocation(file: record.file ?? lesson.displayPath, line: line ?? cell.openingFenceLine)
                let message = record.text ?? "check failed"
                items.append(.error("\(checkLocation): error: \(message)"))
                problems.append(Problem(message: message, location: checkLocation))
            }
        }
        flushStreams(to: output.totalSize, error.totalSize)
        for (stream, name) in [(output, "standard output"), (error, "standard error")]
        where stream.totalSize > stream.bytes.count {
            items.append(.error(
                "\(location): note: \(name) truncated: \(stream.totalSize) bytes written, the first \(stream.bytes.count) shown"))
        }
        return (items, problems, inputs.sorted())
    }

    /// `path` relative to the folder lessons run in, when it is inside it.
    private func relativePath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL.path
        let root = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        return absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : absolute
    }

    private func displayRecords(_ cell: CodeCell) -> [DisplayRecord] {
        let path = directory + "/" + CellFileNames.displays(cell: cell.index)
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(DisplayRecord.self, from: Data($0)) }
    }

    /// Why the program stopped inside `cell`, where, and its standard error without the crash report.
    private func failure(of cell: CodeCell, run: ProgramRun.Result, standardError: String)
        -> (String, SourceLocation, String)
    {
        let cells = lesson.cells
        let report = CrashReport(
            standardError: standardError, lessonFile: ProgramAssembler.fileName(for: lesson), programFile: directory + "/main.swift",
            isLessonLine: { line in cells.contains { line >= $0.firstSourceLine && line < $0.closingFenceLine } })
        let location = report.line.map { lesson.location(line: $0, column: report.column ?? 1) }
            ?? lesson.location(line: cell.openingFenceLine)
        if let timedOut = run.timedOut, timedOut.cell == cell.index {
            return ("cell '\(cell.id)' timed out after \(formatSeconds(timedOut.seconds)) s and was stopped (set `//| timeout:` to allow longer)",
                lesson.location(line: cell.openingFenceLine), report.standardError)
        }
        switch run.termination {
        case .exited(let code):
            return ("cell '\(cell.id)' ended the program with exit(\(code)); later cells were not run", location,
                report.standardError)
        case .signaled(let signal):
            if let trap = report.trapMessage, signal == SIGILL || signal == SIGTRAP {
                return ("cell '\(cell.id)' crashed: \(trap)", location, report.standardError)
            }
            return (signalMessage(signal, subject: "cell '\(cell.id)'", function: report.function), location, report.standardError)
        }
    }

    /// What a signal means, for `subject` ("cell 'fit'", or an inline expression) that was running.
    func signalMessage(_ signal: Int32, subject: String, function: String?) -> String {
        let place = function.map { " in \($0)" } ?? ""
        switch signal {
        case SIGILL, SIGTRAP:
            return "\(subject) crashed\(place): a Swift runtime trap (an index out of range, a force-unwrapped nil, an arithmetic overflow, a failed precondition or fatalError)"
        case SIGSEGV, SIGBUS:
            return "\(subject) crashed\(place): invalid memory access (signal \(signal)); deep recursion overflows the stack"
        case SIGABRT:
            return "\(subject) aborted\(place) (the memory limit is \(limits.memoryBytes >> 20) MB)"
        case SIGXCPU:
            return "\(subject) used up the lesson's CPU time limit and was stopped"
        case SIGXFSZ:
            return "\(subject) wrote more than \(limits.outputBytes >> 20) MB of output and was stopped"
        case SIGKILL:
            return "\(subject) was killed (signal 9), possibly for running out of memory"
        default:
            return "\(subject) was stopped by signal \(signal)"
        }
    }

    private func startupProblem(_ run: ProgramRun.Result) -> String {
        let prelude = CapturedStream(path: directory + "/" + CellFileNames.preludeError, limit: 4096)
        let text = String(decoding: prelude.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return "not run: the lesson program stopped before its first cell (\(run.termination))"
            + (text.isEmpty ? "" : ": \(text)")
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
