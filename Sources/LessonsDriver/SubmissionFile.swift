import Foundation

/// A submission on disk: `<student>/<lesson>.md`, the student named by the folder.
struct SubmissionFile: Sendable {
    var student: String
    var url: URL

    /// The submissions of `lessonName` among `paths` (files, or folders of student folders), sorted by student.
    static func collect(_ paths: [URL], lessonName: String) -> [SubmissionFile] {
        var found: [SubmissionFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                found.append(SubmissionFile(student: path.deletingLastPathComponent().lastPathComponent, url: path))
                continue
            }
            let students = (try? FileManager.default.contentsOfDirectory(atPath: path.path)) ?? []
            for student in students.sorted() where !student.hasPrefix(".") {
                let file = path.appendingPathComponent(student).appendingPathComponent(lessonName + ".md")
                if FileManager.default.fileExists(atPath: file.path) { found.append(SubmissionFile(student: student, url: file)) }
            }
        }
        return found.sorted { ($0.student, $0.url.path) < ($1.student, $1.url.path) }
    }

    /// Shard `index` (1-based) of `count`: every count-th submission in student order.
    static func shard(_ files: [SubmissionFile], index: Int, count: Int) -> [SubmissionFile] {
        files.enumerated().filter { $0.offset % count == index - 1 }.map(\.element)
    }
}
