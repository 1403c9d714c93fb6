import Foundation
import LessonRuntimeProtocol

/// A cell the terminal's status line shows: which, since when, and the last progress it reported.
struct RunningCell {
    /// The cell's index in its lesson.
    var index: Int
    /// "Lessons/02-autoregressive-models.md: cell 16/40 pixelcnn".
    var label: String
    var started: Date
    var progress: ProgressUpdate?
}
