public import Grading
public import LessonModel

/// What happened to one lesson in a `lessons run`.
public struct LessonReport: Sendable {
    /// The lesson's overall result.
    public enum Status: String, Sendable {
        /// Outputs match the code; nothing was run.
        case upToDate = "up-to-date"
        /// Ran and every cell did what it should.
        case ran
        /// Ran, and at least one cell failed.
        case failed
        /// `--check`: the outputs do not match the code, or were written by a failing run.
        case stale
        /// The lesson could not be parsed, run or written; see the diagnostics.
        case invalid
    }

    public var displayPath: String
    public var status: Status
    public var cells: [CellReport]
    public var diagnostics: [Diagnostic]
    /// Wall time for the lesson in seconds.
    public var duration: Double
    /// For a lesson with test cells (an assignment): how its visible tests did. Never "all tests passed" for a
    /// student's copy: its hidden tests only run when the instructor grades.
    public var testSummary: String?
    /// For a lesson with exercises: where each stands after this run (solved, a visible test failing, not done).
    public var exercises: [ExerciseProgress] = []
    /// The seed the lesson ran under when `--seed` replaced its own (nothing was written then).
    public var seedOverride: UInt64?
    /// Ids of the lesson's exercise and test cells (their stubs' traps are said per exercise, not per cell).
    public var gradedCells: Set<String> = []

    /// Whether this lesson makes the command fail.
    public var isFailure: Bool { status == .failed || status == .stale || status == .invalid }
}

/// What happened to one cell.
public struct CellReport: Sendable {
    public var id: String
    public var line: Int
    public var outcome: CellOutcome
    public var duration: Double
    /// The cell's failures after the first (its other failed checks), as `file:line:column: error: message`, when
    /// the outputs that show them are not written (`--seed`); empty otherwise.
    public var furtherErrors: [String] = []
}
