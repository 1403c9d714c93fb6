import Foundation

/// Why `lessons grade` stops before grading: the submissions it was given are not what they should be.
enum SubmissionSearchError: Error, CustomStringConvertible {
    /// A path given on the command line does not exist.
    case missing(String)
    /// A path given on the command line, or a folder in it, cannot be read (with its `errno`).
    case unreadable(String, Int32)
    /// One student with two submissions (in two submissions folders, say): only one gradebook row each.
    case sameStudentTwice(student: String, String, String)
    /// No submissions of the lesson in any of the paths.
    case nothingToGrade(fileName: String, paths: [String])

    var description: String {
        switch self {
        case .missing(let path):
            "\(path) does not exist (name submission files, or folders of <student>/<lesson>.md)"
        case .unreadable(let path, let code):
            "cannot read \(path): \(String(cString: strerror(code)))"
        case .sameStudentTwice(let student, let first, let second):
            "student '\(student)' has two submissions, \(first) and \(second); each student has one gradebook row "
                + "per lesson: grade them separately (with separate gradebooks), or remove one"
        case .nothingToGrade(let fileName, let paths):
            "no submissions of \(fileName) in \(paths.joined(separator: ", ")) (expected <student>/\(fileName))"
        }
    }
}
