import Foundation
import Grading
import LessonModel
import LessonRuntimeProtocol

/// Tells the person at the terminal what is happening: a live status line on a terminal, plain lines
/// otherwise (CI logs). Diagnostics always go to standard error in `file:line:col: error: message` form.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let total: Int
    private var finished = 0
    private var statusLineShown = false
    /// The cell each running lesson is in (by display path), since when, and the last progress it reported: what
    /// the status line shows.
    private var running: [String: RunningCell] = [:]
    /// Redraws the status line every second while cells run, so that a long cell shows its time going up.
    private var ticker: (any DispatchSourceTimer)?
    /// When a progress report last redrew the status line.
    private var lastProgressDraw = Date.distantPast

    init(total: Int, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.isTerminal = isTerminal
    }

    deinit { ticker?.cancel() }

    func cellStarted(_ lesson: Lesson, index: Int) {
        guard isTerminal else { return }
        let cell = lesson.cells[index]
        locked {
            running[lesson.displayPath] = RunningCell(
                index: index, label: "\(lesson.displayPath): cell \(index + 1)/\(lesson.cells.count) \(cell.id)",
                started: Date())
            drawStatusLine()
            if ticker == nil {
                let timer = DispatchSource.makeTimerSource(queue: .global())
                timer.schedule(deadline: .now() + 1, repeating: 1)
                timer.setEventHandler { [weak self] in self?.locked { self?.drawStatusLine() } }
                timer.resume()
                ticker = timer
            }
        }
    }

    /// Shows how far the running cell `index` of `lesson` has come (a `ProgressBar` in the cell).
    func cellProgress(_ lesson: Lesson, index: Int, _ update: ProgressUpdate) {
        guard isTerminal else { return }
        locked {
            guard running[lesson.displayPath]?.index == index else { return }
            running[lesson.displayPath]?.progress = update
            // At most twenty redraws a second (the ticker shows the latest report within a second anyway), but a
            // finished bar is always drawn: the cell may end before the next tick.
            let now = Date()
            guard now.timeIntervalSince(lastProgressDraw) >= 0.05 || update.completed == update.total else { return }
            lastProgressDraw = now
            drawStatusLine()
        }
    }

    /// The status line: how many lessons are done, and each running lesson's cell with its progress, if it reported
    /// any, and its elapsed seconds ("[3/8] Lessons/02-autoregressive-models.md: cell 16/40 pixelcnn, 14 s,
    /// training PixelCNN ▕████      ▏ 12/30 epochs"), cut to the terminal's width so that it never wraps (a wrapped
    /// line could not be redrawn in place). Called with the lock held.
    private func drawStatusLine() {
        guard !running.isEmpty else { return }
        let now = Date()
        let cells = running.sorted { $0.key < $1.key }.map { _, cell in
            let progress = cell.progress.map { ", " + ProgressBarText.line($0, width: 10) } ?? ""
            return "\(cell.label), \(Int(now.timeIntervalSince(cell.started))) s\(progress)"
        }
        var line = "[\(finished + 1)/\(total)] " + cells.joined(separator: " | ")
        let width = Self.terminalWidth()
        if line.count > width - 1 { line = String(line.prefix(max(0, width - 2))) + "…" }
        write("\r\u{1B}[2K" + line)
        statusLineShown = true
    }

    /// The width of the terminal on standard error (80 when it cannot be read).
    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    func lessonFinished(_ report: LessonReport) {
        locked {
            finished += 1
            running[report.displayPath] = nil
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
            // Lessons still running (`--jobs`) get their line back under what was just said.
            if isTerminal { drawStatusLine() }
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
