import Foundation
import Testing
import TestSupport

/// Two lesson files whose names are one text in two spellings (`é` precomposed and decomposed) would share one
/// page, download and output name: `run`, `check` and `build` refuse them with an error at each file and leave every
/// file as it was; a lesson whose name clashes with none still runs on its own.
@Suite struct LessonNameClashCommandTests {
    static let lesson = "---\ntitle: T\n---\n\n```{swift}\nprint(1)\n```\n"

    @Test func commandsRefuseClashingNamesAndChangeNothing() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let composed = "02-caf\u{E9}.md", decomposed = "02-cafe\u{301}.md"
        try project.write("01-plain.md", Self.lesson)
        try project.write(composed, Self.lesson.replacingOccurrences(of: "title: T", with: "title: One"))
        try project.write(decomposed, Self.lesson.replacingOccurrences(of: "title: T", with: "title: Two"))
        let lessons = project.root.appendingPathComponent("Lessons")
        let before = try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted().map {
            try Data(contentsOf: lessons.appendingPathComponent($0))
        }
        let runner = LessonsCommandRunner(project: project)
        for arguments in [["run", "--all"], ["run", composed], ["check", "--all"], ["build"], ["clear", "--all"]] {
            let result = try runner.run(arguments)
            #expect(result.status == 1, "\(arguments): \(result.standardError)")
            for name in [composed, decomposed] {
                #expect(result.standardError.contains("Lessons/\(name):1:1: error: this lesson's file name"),
                    "\(arguments): no error at \(name.unicodeScalars.map(\.value)): \(result.standardError)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site").path))
        let after = try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted().map {
            try Data(contentsOf: lessons.appendingPathComponent($0))
        }
        #expect(after == before, "a refused command changed a lesson")
        let plain = try runner.run(["run", "01-plain.md"])
        #expect(plain.status == 0, "\(plain.standardError)")
    }
}
