import LessonModel
import LessonRuntimeProtocol

/// What `lessons run` wants to hear while a lesson's program runs: which cell started, and how far a cell's long
/// work has come (for the terminal's status line).
struct CellWatch: Sendable {
    /// A cell of the lesson started.
    var started: @Sendable (Lesson, Int) -> Void = { _, _ in }
    /// A running cell reported its progress.
    var progress: @Sendable (Lesson, Int, ProgressUpdate) -> Void = { _, _, _ in }
}
