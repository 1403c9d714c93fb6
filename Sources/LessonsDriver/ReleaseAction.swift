import Crypto
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

    /// Releases `file` into `output`; returns the exit code.
    public func run(_ file: URL, output: URL) -> Int32 {
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
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try AtomicFile.write(student, to: output.appendingPathComponent(lesson.name + ".md"))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(manifest) + Data("\n".utf8)
            try AtomicFile.write(Array(json), to: output.appendingPathComponent(lesson.name + ".manifest.json"))
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the student copy: \(error)\n".utf8))
            return 1
        }
        FileHandle.standardError.write(Data(
            "released \(lesson.displayPath) -> \(output.path)/\(lesson.name).md (\(markup.exercises.count) exercises, \(markup.tests.count) test cells)\n".utf8))
        return 0
    }
}
