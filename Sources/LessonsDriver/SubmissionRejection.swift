import Foundation

/// Why a submission found on disk is not graded as it stands: it is not a regular file of the student's own.
/// A rejected submission is still recorded, at 0 points with this reason, so the instructor sees it in the
/// export and the student in their feedback.
enum SubmissionRejection: Error, Equatable, CustomStringConvertible {
    /// `<student>/<lesson>.md` is a symbolic link (to the instructor's lesson, another student's file, ...).
    case symbolicLink
    /// `<student>` itself is a symbolic link (to another student's folder, ...).
    case studentFolderIsSymbolicLink
    /// `<student>` is not a folder.
    case studentFolderIsNotAFolder
    /// A FIFO, a device, a socket or a folder: `kind` names it ("a FIFO (named pipe)").
    case notARegularFile(kind: String)
    /// A file with more than one name: a hard link to another student's or the instructor's file.
    case hardLinks(count: Int)
    /// Larger than ``SubmissionFile/sizeLimit``; `bytes` is its size when known (nil: it grew while read).
    case tooLarge(bytes: Int?)

    var description: String {
        switch self {
        case .symbolicLink:
            "the submission is a symbolic link, not a file of its own: only regular files are graded"
        case .studentFolderIsSymbolicLink:
            "the student folder is a symbolic link, not a folder of its own: only files in real folders are graded"
        case .studentFolderIsNotAFolder:
            "the student folder is not a folder"
        case .notARegularFile(let kind):
            "the submission is \(kind), not a regular file: only regular files are graded"
        case .hardLinks(let count):
            "the submission has \(count) hard links: the same file also appears elsewhere (another student's "
                + "submission or the instructor's files), so it cannot be graded as this student's own"
        case .tooLarge(let bytes?):
            "the submission is \(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB (\(bytes) bytes); "
                + "submissions are limited to \(SubmissionFile.sizeLimit >> 20) MiB"
        case .tooLarge(nil):
            "the submission is larger than \(SubmissionFile.sizeLimit >> 20) MiB, the limit for submissions"
        }
    }

    /// What a file of `mode` (`st_mode`) is, in words: "a FIFO (named pipe)", "a character device", ...
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFREG: "a file"
        default: "not a regular file"
        }
    }
}
