import Foundation
import Grading
import LessonModel

/// Tells the person at the terminal what is happening: a live status line on a terminal, plain lines
/// otherwise (CI logs). Diagnostics always go to standard error in `file:line:col: error: message` form.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let total: Int
    private var finished = 0
    private var statusLineShown = false

    init(total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isTerminal = isTerminal
    }

    func cellStarted(_ lesson: Lesson, index: Int) {
        guard isTerminal else { return }
        let cell = lesson.cells[index]
        locked {
            let line = "[\(finished + 1)/\(total)] \(lesson.displayPath): cell \(index + 1)/\(lesson.cells.count) \(cell.id)"
            write("\r\u{1B}[2K" + line)
            statusLineShown = true
        }
    }

    func lessonFinished(_ report: LessonReport) {
        locked {
            finished += 1
            if statusLineShown { write("\r\u{1B}[2K"); statusLineShown = false }
            let seconds = String(format: "%.2f s", report.duration)
            let summary: String
            switch report.status {
            case .upToDate: summary = "up to date"
            case .ran: summary = "ran \(report.cells.count) cells in \(seconds)"
            case .failed where !report.exercises.isEmpty:
                summary = "ran \(report.cells.filter { !$0.outcome.isFailure }.count) of \(report.cells.count) cells in \(seconds); "
                    + Self.exerciseCounts(report.exercises)
            case .failed:
                let inline = report.diagnostics.filter { $0.identifier == "inline.failed" }.count
                summary = "FAILED (\(report.cells.filter { $0.outcome.isFailure }.count) of \(report.cells.count) cells"
                    + (inline > 0 ? ", \(inline) inline expression\(inline == 1 ? "" : "s")" : "") + ") in \(seconds)"
            case .stale: summary = "STALE"
            case .invalid: summary = "ERROR"
            }
            let seed = report.seedOverride.map { " under seed \($0) (nothing written)" } ?? ""
            write("[\(finished)/\(total)] \(report.displayPath): \(summary)\(seed)\n")
            if let tests = report.testSummary { write("\(report.displayPath): \(tests)\n") }
            for exercise in report.exercises {
                write("\(report.displayPath): exercise '\(exercise.id)': \(exercise.summary)\n")
            }
            for diagnostic in report.diagnostics { write(diagnostic.description + "\n") }
            // A stub's trap is said once, per exercise ("not done yet"), not once per exercise or test cell it stopped;
            // another cell it stopped gets a note.
            for cell in report.cells {
                guard case .failed(let message, let location, _) = cell.outcome else { continue }
                if report.exercises.isEmpty || !ExerciseProgress.isStubTrap(cell.outcome) {
                    write("\(location): error: \(message)\n")
                    for further in cell.furtherErrors { write(further + "\n") }
                } else if !report.gradedCells.contains(cell.id) {
                    write("\(report.displayPath):\(cell.line):1: note: cell '\(cell.id)' did not run to its end: "
                        + "it uses an exercise that is not done yet (\(location))\n")
                }
            }
        }
    }

    /// "2 of 4 exercises pass their visible tests, 2 not done yet".
    static func exerciseCounts(_ exercises: [ExerciseProgress]) -> String {
        let auto = exercises.filter { $0.state != .written }
        let passing = auto.filter(\.state.isFine).count
        let notDone = auto.filter { $0.state == .notDone }.count
        let failing = auto.filter {
            if case .fails = $0.state { return true }
            if case .doesNotCompile = $0.state { return true }
            return false
        }.count
        let unchecked = auto.count - passing - notDone - failing
        return "\(passing) of \(auto.count) exercise\(auto.count == 1 ? "" : "s") pass their visible tests"
            + (notDone > 0 ? ", \(notDone) not done yet" : "") + (failing > 0 ? ", \(failing) failing" : "")
            + (unchecked > 0 ? ", \(unchecked) not checked" : "")
    }

    func message(_ text: String) {
        locked { write(text + "\n") }
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
