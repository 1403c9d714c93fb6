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
                .init(id: cell.id, sha256: SHA256.hash(data: Data(cell.source.utf8)).hexDigits)
            })
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try encoder.encode(manifest) + Data("\n".utf8)
            var contents = [lesson.name + ".md": student, lesson.name + ".manifest.json": Array(json)]
            contents.merge(Self.figures(referencedBy: student, besideLesson: file)) { own, _ in own }
            contents.merge(Self.dataFiles(readBy: lesson, projectRoot: layout.root)) { own, _ in own }
            try folder.add(contents)
            try folder.add(["README.md": Array(readme(in: folder.url).utf8)])
        } catch {
            say("error: the student copy was not written: \(error)")
            return 1
        }
        FileHandle.standardError.write(Data(
            "released \(lesson.displayPath) -> \(output.path)/\(lesson.name).md (\(markup.exercises.count) exercises, \(markup.tests.count) test cells)\n".utf8))
        return 0
    }

    /// The figures the copy shows (`](figures/<lesson>/<cell>-<n>.svg)`), read from beside the instructor's
    /// lesson, by their path in the copy; a missing figure is left out (the copy's link was stale already).
    static func figures(referencedBy copy: [UInt8], besideLesson file: URL) -> [String: [UInt8]] {
        let text = String(decoding: copy, as: UTF8.self)
        var figures: [String: [UInt8]] = [:]
        var rest = text[...]
        while let start = rest.range(of: "](figures/") {
            let path = rest[rest.index(start.lowerBound, offsetBy: 2)...].prefix { $0 != ")" && $0 != " " && $0 != "\n" }
            rest = rest[start.upperBound...]
            let relative = String(path)
            guard FolderManifest.isSafe(relative), !relative.contains(".."),
                let bytes = FileManager.default.contents(atPath: file.deletingLastPathComponent().path + "/" + relative)
            else { continue }
            figures[relative] = Array(bytes)
        }
        return figures
    }

    /// The data files the lesson's cells read when it last ran (`inputs=` of their output markers, paths in the
    /// project such as `Assets/data/digits.csv`), each with the `README.md` beside it (its credit), by those paths.
    static func dataFiles(readBy lesson: Lesson, projectRoot: URL) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in Set(lesson.cells.flatMap { $0.output?.marker.inputs ?? [] }) {
            let folder = (path as NSString).deletingLastPathComponent
            // The credit of data in a folder of its own; never the project's own README.
            let candidates = folder.isEmpty ? [path] : [path, folder + "/README.md"]
            for candidate in candidates {
                guard FolderManifest.isSafe(candidate), !candidate.split(separator: "/").contains(".."),
                    let bytes = FileManager.default.contents(atPath: projectRoot.path + "/" + candidate)
                else { continue }
                files[candidate] = Array(bytes)
            }
        }
        return files
    }

    /// The README for the folder: every lesson released into it so far (by their manifests), and how to work.
    private func readme(in folder: URL) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".manifest.json") }.sorted()
        let lessons = names.compactMap { name -> StudentReadme.Lesson? in
            guard let data = FileManager.default.contents(atPath: folder.path + "/" + name),
                let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
            else { return nil }
            return StudentReadme.Lesson(
                name: manifest.lesson, exercises: manifest.exercises.filter { !$0.manual }.map(\.id),
                writtenAnswers: manifest.exercises.filter(\.manual).map(\.id))
        }
        let isFolder = { (name: String) -> Bool in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.path + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        return StudentReadme(
            courseTitle: layout.loadSettings().settings.title, lessons: lessons, hasFigures: isFolder("figures"),
            hasData: isFolder("Assets")
        ).text
    }
}
