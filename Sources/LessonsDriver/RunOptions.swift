/// The choices of a `lessons run`.
public struct RunOptions: Sendable {
    /// Write nothing; report stale or failing lessons (for CI).
    public var check = false
    /// Run even when the outputs are up to date.
    public var force = false
    /// Run every cell that can run: a failing cell is left out and the lesson goes on (always so for a student's
    /// copy, a lesson whose exercises hold no solution regions).
    public var keepGoing = false
    /// Lessons run at the same time.
    public var jobs = 1
    /// Default per-cell timeout in seconds.
    public var timeout: Double = 60
    /// Compile cells with `-O` (hidden flag `--optimized`, for the benchmark); by default `-Onone`, which shows
    /// trap messages and exact crash lines (LessonKit is optimised either way).
    public var optimize = false
    /// Run under this seed instead of the lesson's (`--seed`): every selected lesson runs, whether or not its
    /// outputs are up to date, and nothing is written, because outputs computed under another seed would disagree
    /// with the lesson's own `seed:`. Failures are reported as in any run (every failed check, with its line).
    public var seed: UInt64?

    /// Default options.
    public init() {}
}
