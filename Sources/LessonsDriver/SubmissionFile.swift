import Foundation

/// A submission on disk: `<folder>/<student>/<fileName>`, the student named by the folder.
///
/// Only the last two steps of the path are the students' (their folder and their file); ``read()`` refuses to
/// follow links in either. `folder` is the instructor's (a submissions folder, or the folder above a file given
/// on the command line) and may be reached through links.
struct SubmissionFile: Sendable {
    /// The folder of student folders.
    var folder: URL
    /// The student: the name of their folder.
    var student: String
    /// The submission's file name, `<lesson>.md` for submissions found in folders.
    var fileName: String

    /// The submission's path, for messages.
    var url: URL { folder.appendingPathComponent(student).appendingPathComponent(fileName) }

    /// The most bytes a submission may have: 2 MiB (a lesson of text and code is a few KiB).
    static let sizeLimit = 2 << 20
}
