#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import LessonRuntimeProtocol

/// A progress bar for long work in a cell: `lessons run` draws it live on the terminal's status line while the
/// cell runs, and ``finish()`` leaves one line in the cell's output that depends only on the counts, so that the
/// lesson's stored outputs stay the same from run to run.
///
/// ```swift
/// let bar = ProgressBar("sampling chains", total: 4, unit: "chains")
/// for chain in chains { run(chain); bar.advance() }
/// bar.finish()   // prints "sampling chains ▕████████████████████▏ 4/4 chains"
/// ```
///
/// LessonKit's `train` methods draw one of their own. Outside `lessons run` (a plain `swiftc` build, or grading)
/// nothing is drawn; ``finish()`` still prints its line.
public final class ProgressBar {
    /// What the work is.
    public let label: String
    /// Steps in all.
    public let total: Int
    /// What a step is ("epochs"), or empty.
    public let unit: String
    /// Steps done so far, in `0...total`.
    public private(set) var completed = 0
    private var finished = false
    /// When the runner was last told by any bar (monotonic seconds): it hears at most ten reports a second, and at
    /// most fifty when bars complete, however many bars a cell makes (one per iteration of a loop, by mistake).
    private static let lastReport = Mutex(-Double.infinity)

    /// A bar for `total` steps (at least 1) of work called `label`, each step one `unit`.
    public init(_ label: String, total: Int, unit: String = "") {
        self.label = label
        self.total = max(1, total)
        self.unit = unit
        report(completing: false)
    }

    /// Marks `steps` more steps done (never past ``total``).
    public func advance(by steps: Int = 1) {
        advance(to: completed + max(0, steps))
    }

    /// Marks `completed` steps done in all, e.g. after work that ended early.
    public func advance(to completed: Int) {
        self.completed = min(max(0, completed), total)
        report(completing: self.completed == total)
    }

    /// The bar as text: "training FVSBN ▕██████████          ▏ 30/60 epochs" (counts only, no times).
    public var text: String {
        ProgressBarText.line(ProgressUpdate(completed: completed, total: total, label: label, unit: unit))
    }

    /// Prints ``text`` as the cell's output, once.
    public func finish() {
        guard !finished else { return }
        finished = true
        print(text)
    }

    private func report(completing: Bool) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let seconds = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        let due = Self.lastReport.withLock { last in
            guard seconds - last >= (completing ? 0.02 : 0.1) else { return false }
            last = seconds
            return true
        }
        guard due else { return }
        LessonRuntime.reportProgress(ProgressUpdate(completed: completed, total: total, label: label, unit: unit))
    }
}
