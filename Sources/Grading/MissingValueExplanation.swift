import LessonExecution
import LessonModel
import LessonRuntimeProtocol

/// Says why the checker found no value for a probe, from what the submission's run reported: its test did not
/// compile, trapped or timed out, the program stopped before it, or ran out of time.
struct MissingValueExplanation {
    let run: SubmissionRun.Result
    /// The submission's program (its cells, for names and locations).
    let lesson: Lesson
    let compiled: CompiledProgram
    /// Hidden test cells: what the student's code printed or trapped with there (it may hold the hidden inputs)
    /// is never quoted.
    let hiddenTests: Set<Int>
    /// The student's own lines, for places named in messages (nil: the instructor's).
    var lines: StudentLines? = nil

    /// `output` with the checker's "did not produce it" replaced by the reason; for a hidden test, any failure
    /// replaced by its ``HiddenTestReason`` alone (no message, diagnostic or output of the run), and the failure in
    /// full made the output's one item (an error), for the instructor's terminal only.
    func explain(_ output: CellOutput, test index: Int) -> CellOutput {
        guard case .failed(let message, let location, let isFatal) = output.outcome else { return output }
        let missing = message.contains(ProbeWire.missingValueNote)
        let full = missing
            ? message.replacingOccurrences(of: ProbeWire.missingValueNote, with: reason(for: index)) : message
        var output = output
        guard hiddenTests.contains(index) else {
            output.outcome = .failed(message: full, location: location, isFatal: isFatal)
            return output
        }
        let reason = missing ? hiddenReason(for: index) : .checkFailed
        output.outcome = .failed(message: reason.rawValue, location: location, isFatal: isFatal)
        output.items = [.error("\(full) (\(location))")]
        return output
    }

    /// Why an exercise cell failed at run time, when the program stopped in it.
    func crash(in cell: Int) -> String? {
        guard !run.finished, !run.timedOut, !run.sentTooMuch, run.lastStartedCell == cell, cell < lesson.cells.count else {
            return nil
        }
        return "the program stopped in this cell: \(TrapMessage.message(inText: run.outputTail) ?? tail(run.outputTail))"
    }

    private func reason(for index: Int) -> String {
        if case .failed(let message, _, _) = compiled.decided[index]?.outcome {
            return "the test does not compile with this code: \(message)"
        }
        if let status = run.cellStatuses[index], status.status != "ok" {
            let what = StopInWords.status(status.status, memoryLimitHit: run.hitMemoryLimit)
            guard !hiddenTests.contains(index) else { return "the code under test \(what)" }
            let detail = TrapMessage.message(inText: status.detail) ?? tail(status.detail)
            return "the code under test \(what)" + (detail.isEmpty ? "" : ": \(detail)")
        }
        if run.lastStartedCell == nil, !run.finished, compiled.limit > 0 {
            return "the program did not start" + (run.outputTail.isEmpty ? "" : ": \(tail(run.outputTail))")
        }
        if run.sentTooMuch { return "the program sent more values than the grader accepts" }
        if run.hitMemoryLimit { return "the program ran out of memory" }
        if run.timedOut { return "the program ran out of time before this test" }
        if !run.finished, let last = run.lastStartedCell, last < lesson.cells.count, last < index {
            let cell = lesson.cells[last]
            let place = lines.flatMap { $0.location(SourceLocation(file: $0.instructor.displayPath, line: cell.firstSourceLine)) }
                .map { "in the cell at \($0)" } ?? "in cell '\(cell.id)' (\(lesson.location(line: cell.openingFenceLine)))"
            return "the program stopped \(place) before this test"
                + (run.outputTail.isEmpty ? "" : ": \(TrapMessage.message(inText: run.outputTail) ?? tail(run.outputTail))")
        }
        if compiled.limit <= index { return "the program does not compile up to this test" }
        return "the code under test did not produce it"
    }

    /// Why hidden test cell `index` got no value, as one of the fixed reasons (the same cases as
    /// ``reason(for:)``, without their details).
    func hiddenReason(for index: Int) -> HiddenTestReason {
        if case .failed = compiled.decided[index]?.outcome { return .doesNotCompile }
        if let status = run.cellStatuses[index], status.status != "ok" {
            return status.status == "timeout" ? .timedOut : .codeStopped
        }
        if run.lastStartedCell == nil, !run.finished, compiled.limit > 0 { return .programStopped }
        if run.sentTooMuch || run.hitMemoryLimit || run.timedOut { return .programStopped }
        if !run.finished, let last = run.lastStartedCell, last < lesson.cells.count, last < index { return .programStopped }
        if compiled.limit <= index { return .doesNotCompile }
        return .checkFailed
    }

    /// The last lines of a text, short enough for a message.
    private func tail(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(3)
        let joined = lines.joined(separator: " / ")
        return joined.count > 400 ? "…" + String(joined.suffix(400)) : joined
    }
}
