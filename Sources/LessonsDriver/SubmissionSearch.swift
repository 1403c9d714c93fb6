import Foundation

/// The submissions of one lesson among the paths given to `lessons grade`, and what was found but cannot be
/// graded: every entry of a submissions folder is either a submission (graded, or rejected with a reason when
/// read) or a warning.
///
/// A submissions folder holds one folder per student, `<student>/<lesson>.md`. Every student folder counts,
/// including those whose name starts with `.`: they are graded like any other, so that no student can be
/// skipped because of a name. A symbolic link where a student folder should be is a submission too (rejected
/// when read). A student folder without `<lesson>.md` is reported with the `.md` files it does hold; anything
/// that is not a folder, and a name that is not UTF-8, is reported. A file named on the command line is a
/// submission of the student whose folder holds it.
struct SubmissionSearch {
    /// The submissions, sorted by student.
    private(set) var found: [SubmissionFile] = []
    /// What was found and is not graded, one line each (without the leading "warning: ").
    private(set) var warnings: [String] = []

    /// Searches `paths` for `<lesson>.md`; `displayPath` shows a path in messages.
    /// - Throws: ``SubmissionSearchError`` when a path does not exist or cannot be listed, when one student has
    ///   two submissions (one gradebook row each), or when nothing at all was found.
    init(paths: [URL], lessonName: String, displayPath: (URL) -> String) throws(SubmissionSearchError) {
        let fileName = lessonName + ".md"
        for path in paths.map(\.standardizedFileURL) {
            var status = stat()
            guard lstat(path.path, &status) == 0 else {
                let code = errno
                throw code == ENOENT ? .missing(displayPath(path)) : .unreadable(displayPath(path), code)
            }
            // The instructor's own path may be a link to a submissions folder; a link to anything else is a
            // submission named directly (rejected when read).
            var target = stat()
            let isFolder = status.st_mode & S_IFMT == S_IFDIR
                || (status.st_mode & S_IFMT == S_IFLNK && stat(path.path, &target) == 0
                    && target.st_mode & S_IFMT == S_IFDIR)
            if isFolder {
                try searchFolder(path, fileName: fileName, displayPath: displayPath)
            } else {
                let studentFolder = path.deletingLastPathComponent()
                found.append(SubmissionFile(
                    folder: studentFolder.deletingLastPathComponent(), student: studentFolder.lastPathComponent,
                    fileName: path.lastPathComponent))
            }
        }
        found.sort { ($0.student, $0.url.path) < ($1.student, $1.url.path) }
        try checkOneSubmissionPerStudent(displayPath: displayPath)
        guard !found.isEmpty else { throw .nothingToGrade(fileName: fileName, paths: paths.map(displayPath)) }
    }

    /// Adds the submissions of the student folders in `folder`; warns about everything else in it.
    private mutating func searchFolder(_ folder: URL, fileName: String, displayPath: (URL) -> String)
        throws(SubmissionSearchError)
    {
        let names: [[UInt8]]
        do { names = try FolderEntries.names(in: folder) } catch { throw .unreadable(displayPath(folder), error.code.rawValue) }
        for bytes in names {
            guard let student = String(validating: bytes, as: UTF8.self) else {
                let shown = displayPath(folder.appendingPathComponent(String(decoding: bytes, as: UTF8.self)))
                warnings.append("\(shown): the name is not valid UTF-8; rename the folder to grade it")
                continue
            }
            let entry = folder.appendingPathComponent(student)
            var status = stat()
            guard lstat(entry.path, &status) == 0 else { continue }  // removed while we looked
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                found.append(SubmissionFile(folder: folder, student: student, fileName: fileName))
            case S_IFDIR:
                var submission = stat()
                if lstat(entry.appendingPathComponent(fileName).path, &submission) == 0 {
                    found.append(SubmissionFile(folder: folder, student: student, fileName: fileName))
                } else {
                    warnings.append("\(displayPath(entry)) has no \(fileName) (\(Self.markdownFiles(in: entry)))")
                }
            default:
                warnings.append("\(displayPath(entry)) is \(SubmissionRejection.kind(of: status.st_mode)), not a student folder")
            }
        }
    }

    /// "its .md files: A.md, b.md", or "it has no .md files" (for a student folder without the submission).
    private static func markdownFiles(in folder: URL) -> String {
        guard let names = try? FolderEntries.names(in: folder) else { return "it cannot be read" }
        let markdown = names.map { String(decoding: $0, as: UTF8.self) }.filter { $0.lowercased().hasSuffix(".md") }
        return markdown.isEmpty ? "it has no .md files" : "its .md files: " + markdown.joined(separator: ", ")
    }

    /// One submission per student (byte for byte the same name): the gradebook has one row per student and
    /// lesson, so a second would overwrite the first. The same file named twice counts once.
    private mutating func checkOneSubmissionPerStudent(displayPath: (URL) -> String) throws(SubmissionSearchError) {
        var seen: [[UInt8]: SubmissionFile] = [:]
        var unique: [SubmissionFile] = []
        for file in found {
            if let first = seen[Array(file.student.utf8)] {
                if first.url.path == file.url.path { continue }
                throw .sameStudentTwice(student: file.student, displayPath(first.url), displayPath(file.url))
            }
            seen[Array(file.student.utf8)] = file
            unique.append(file)
        }
        found = unique
    }
}
