import Grading

/// Why `lessons feedback` writes nothing.
enum FeedbackError: Error, CustomStringConvertible {
    /// Two graded submissions whose pages would be one file on a case-insensitive disk (`Ann` and `ann`).
    case samePage(GradeReport, GradeReport, page: String)

    var description: String {
        switch self {
        case .samePage(let first, let second, let page):
            "students '\(first.student)' (\(first.lesson)) and '\(second.student)' (\(second.lesson)) would share the "
                + "feedback page \(page) on a case-insensitive disk (macOS, Windows, most LMS uploads), and one "
                + "would see the other's grades; give them names that differ in more than case (rename a submissions "
                + "folder and grade again)"
        }
    }
}
