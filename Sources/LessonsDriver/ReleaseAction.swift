import Crypto
import FileSafety
public import Foundation
import Grading
import LessonModel
import LessonParsing

/// `lessons release`: writes the student copy of a lesson and a manifest of its locked cells' checksums.
public struct ReleaseAction: Sendable {
    public let layout: ProjectLayout

    /// Creates the action.
    public init(layout: ProjectLayout) { self.layout = layout }

    /// The manifest written beside a released lesson: what a submission must not change.
    struct Manifest: Codable {
        struct LockedCell: Codable {
            var id: String
            var sha256: String
        }
        struct Exercise: Codable {
            var id: String
            var points: Double
            var manual: Bool
        }
        var lesson: String
        var exercises: [Exercise]
        var lockedCells: [LockedCell]
    }

    /// Releases `file` into `output`, a folder the release owns (``OwnedFolder``: empty, new, or holding only
    /// earlier releases; never the project, `Lessons/` or a folder with other files); returns the exit code.
    public func run(_ file: URL, output: URL) -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        var folder: OwnedFolder
        do throws(OwnedFolderError) {
            folder = try OwnedFolder.claim(
                output, displayName: layout.displayPath(of: output), projectRoot: layout.root,
                lessonsDirectory: layout.lessonsDirectory)
        } catch {
            say("error: \(error)")
            return 1
        }
        let source = URL(fileURLWithPath: file.path).resolvingSymlinksInPath().path
        let name = file.deletingPathExtension().lastPathComponent
        for target in [name + ".md", name + ".manifest.json"]
        where URL(fileURLWithPath: folder.url.path + "/" + target).resolvingSymlinksInPath().path == source {
            say("error: cannot write into '\(folder.displayName)': the student copy would replace the lesson itself")
            return 1
        }
        let problems = CheckAction.problems(in: file, layout: layout)
        for problem in problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
        guard !Diagnostic.containsError(problems),
            let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
            let lesson = LessonParser.parse(bytes, displayPath: layout.displayPath(of: file)).0
        else { return 1 }
        let markup = GradingMarkupParser.parse(lesson).0
        let student = StudentCopy.make(from: lesson, markup: markup)
        guard let released = LessonParser.parse(student, displayPath: lesson.displayPath).0 else {
            FileHandle.standardError.write(Data("\(lesson.displayPath): error: the student copy does not parse\n".utf8))
            return 1
        }
        let manifest = Manifest(
            lesson: lesson.name,
            exercises: markup.exercises.map { .init(id: $0.id, points: $0.points, manual: $0.isManual) },
            lockedCells: released.cells.filter { $0.options.exercise == nil }.map { cell in
                .init(id: cell.id, sha256: SHA256.hash(data: Data(cell.source.utf8)).map { String(format: "%02x", $0) }.joined())
            })
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(manifest) + Data("\n".utf8)
            try folder.add([lesson.name + ".md": student, lesson.name + ".manifest.json": Array(json)])
        } catch {
            say("error: the student copy was not written: \(error)")
            return 1
        }
        FileHandle.standardError.write(Data(
            "released \(lesson.displayPath) -> \(output.path)/\(lesson.name).md (\(markup.exercises.count) exercises, \(markup.tests.count) test cells)\n".utf8))
        return 0
    }
}
