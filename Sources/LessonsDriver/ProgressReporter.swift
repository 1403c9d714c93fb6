import Foundation
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
            case .failed:
                let inline = report.diagnostics.filter { $0.identifier == "inline.failed" }.count
                summary = "FAILED (\(report.cells.filter { $0.outcome.isFailure }.count) of \(report.cells.count) cells"
                    + (inline > 0 ? ", \(inline) inline expression\(inline == 1 ? "" : "s")" : "") + ") in \(seconds)"
            case .stale: summary = "STALE"
            case .invalid: summary = "ERROR"
            }
            write("[\(finished)/\(total)] \(report.displayPath): \(summary)\n")
            if let tests = report.testSummary { write("\(report.displayPath): \(tests)\n") }
            for diagnostic in report.diagnostics { write(diagnostic.description + "\n") }
            for cell in report.cells {
                if case .failed(let message, let location, _) = cell.outcome {
                    write("\(location): error: \(message)\n")
                }
            }
        }
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
