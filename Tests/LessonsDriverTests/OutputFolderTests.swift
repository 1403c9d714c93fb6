import Foundation
import PropertyBased
import Testing
import TestSupport

/// `build` and `release` write only into folders they own: never the project, its lessons, an ancestor, or a
/// folder holding files they did not write (issue 15, items 1 and 2).
@Suite(.serialized) struct OutputFolderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let lesson = """
        ---
        title: One
        ---

        Some text.

        ```{swift}
        //| exercise: double
        func double(_ x: Int) -> Int {
            // BEGIN SOLUTION
            2 * x
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: double
        //| points: 1
        Swift.precondition(double(2) == 4)
        ```

        """

    /// A project three folders below a private sandbox, so that its ancestors up to the sandbox can be named as
    /// output folders without risking anything outside it.
    struct Sandbox {
        let top: URL
        let project: TemporaryProject
        let lessons: LessonsCommandRunner

        init() throws {
            top = BuildProducts.directory.appendingPathComponent("test-projects/owned-\(UUID().uuidString)")
            let parent = top.appendingPathComponent("outer/inner")
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            project = try TemporaryProject(in: parent)
            lessons = LessonsCommandRunner(project: project)
            try project.write("01-one.md", OutputFolderTests.lesson)
            try Data("notes".utf8).write(to: project.root.appendingPathComponent("notes.txt"))
        }

        func remove() { try? FileManager.default.removeItem(at: top) }

        /// Every regular file under the sandbox (relative path → bytes), except what `build`/`release` may write.
        func snapshot(excluding written: URL? = nil) -> [String: Data] {
            var result: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: top, includingPropertiesForKeys: nil, options: [])!
            for case let url as URL in enumerator {
                let path = url.path
                if let written, path.hasPrefix(written.standardizedFileURL.path + "/") { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { continue }
                result[String(path.dropFirst(top.path.count))] = FileManager.default.contents(atPath: path)
            }
            return result
        }
    }

    @Test func buildIntoTheProjectRootIsRefusedAndDeletesNothing() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = sandbox.snapshot()
        let result = try sandbox.lessons.run(["build", "--out", "."])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("project"), "\(result.standardError)")
        #expect(sandbox.snapshot() == before)
    }

    @Test func buildIntoLessonsIsRefused() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = sandbox.snapshot()
        let result = try sandbox.lessons.run(["build", "--out", "Lessons"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("Lessons"), "\(result.standardError)")
        #expect(sandbox.snapshot() == before)
    }

    @Test func buildKeepsForeignFilesAndRefusesTheirFolder() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let site = sandbox.project.root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("example.org\n".utf8).write(to: site.appendingPathComponent("CNAME"))
        let refused = try sandbox.lessons.run(["build", "--out", "public"])
        #expect(refused.status == 1, "\(refused.standardError)")
        #expect(refused.standardError.contains("CNAME"), "the foreign file is named: \(refused.standardError)")
        #expect(FileManager.default.contents(atPath: site.appendingPathComponent("CNAME").path) == Data("example.org\n".utf8))
    }

    @Test func buildOwnsItsFolderAndRemovesOnlyWhatItWrote() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = try sandbox.lessons.run(["build", "--out", "public"])
        #expect(first.status == 0, "\(first.standardError)")
        let site = sandbox.project.root.appendingPathComponent("public")
        let manifest = try String(contentsOf: site.appendingPathComponent(".lessons-manifest"), encoding: .utf8)
        #expect(manifest.contains("01-one.html"))
        // A second lesson, then its removal: its page goes, the rest stays; a rebuild is byte-identical.
        try sandbox.project.write("02-two.md", "---\ntitle: Two\n---\n\nMore.\n")
        #expect(try sandbox.lessons.run(["build", "--out", "public"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("02-two.html").path))
        try FileManager.default.removeItem(at: sandbox.project.root.appendingPathComponent("Lessons/02-two.md"))
        #expect(try sandbox.lessons.run(["build", "--out", "public"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("02-two.html").path))
        #expect(try String(contentsOf: site.appendingPathComponent(".lessons-manifest"), encoding: .utf8) == manifest)
    }

    @Test func releaseNeverOverwritesALessonSource() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let before = sandbox.snapshot()
        for out in ["Lessons/", "Lessons", ".", "./Lessons/../Lessons"] {
            let result = try sandbox.lessons.run(["release", "01-one.md", "--out", out])
            #expect(result.status == 1, "--out \(out): \(result.standardError)")
            #expect(sandbox.snapshot() == before, "--out \(out) changed the project")
        }
        #expect(try sandbox.project.read("01-one.md") == Self.lesson)
    }

    @Test func releasesShareAFolderTheyOwn() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.project.write("02-two.md", Self.lesson.replacingOccurrences(of: "One", with: "Two"))
        #expect(try sandbox.lessons.run(["release", "01-one.md", "--out", "release"]).status == 0)
        let second = try sandbox.lessons.run(["release", "02-two.md", "--out", "release"])
        #expect(second.status == 0, "\(second.standardError)")
        let again = try sandbox.lessons.run(["release", "01-one.md", "--out", "release"])
        #expect(again.status == 0, "\(again.standardError)")
        let release = sandbox.project.root.appendingPathComponent("release")
        let names = try FileManager.default.contentsOfDirectory(atPath: release.path).sorted()
        #expect(names == [".lessons-manifest", "01-one.manifest.json", "01-one.md", "02-two.manifest.json", "02-two.md", "README.md"])
        // The students' README names every lesson of the folder.
        let readme = try String(contentsOf: release.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`01-one.md`") && readme.contains("`02-two.md`"), "\(readme)")
    }

    /// Output folders a user might type by mistake; none may lose a byte of anything outside a folder `lessons`
    /// owns.
    @Test func noGeneratedOutputFolderLosesAFile() async throws {
        let targets = [
            ".", "./", "..", "../..", "Lessons", "Lessons/", "./Lessons/../Lessons", "Assets/..", "link-to-root",
            "link-to-lessons", "with-notes", "with-lesson", "with-cname-and-site", "a-file.txt", "Lessons/figures",
        ]
        let commands: [[String]] = [["build", "--out"], ["release", "01-one.md", "--out"]]
        await propertyCheck(count: 40, input: Gen.int(in: 0...(targets.count * commands.count - 1))) { index in
            let target = targets[index % targets.count], command = commands[index / targets.count]
            do {
                let sandbox = try Sandbox()
                defer { sandbox.remove() }
                let root = sandbox.project.root
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link-to-root").path, withDestinationPath: root.path)
                try FileManager.default.createSymbolicLink(
                    atPath: root.appendingPathComponent("link-to-lessons").path, withDestinationPath: root.appendingPathComponent("Lessons").path)
                for (folder, file, text) in [
                    ("with-notes", "notes.md", "my notes"), ("with-lesson", "x.md", "```{swift}\nprint(1)\n```\n"),
                    ("with-cname-and-site", "CNAME", "example.org"),
                ] {
                    let url = root.appendingPathComponent(folder)
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url.appendingPathComponent(file))
                }
                try Data("x".utf8).write(to: root.appendingPathComponent("a-file.txt"))
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent("Lessons/figures/01-one"), withIntermediateDirectories: true)
                try Data("<svg/>".utf8).write(to: root.appendingPathComponent("Lessons/figures/01-one/cell-1-1.svg"))
                let before = sandbox.snapshot()
                let result = try sandbox.lessons.run(command + [target])
                #expect(result.status == 1, "\(command) \(target) must be refused: \(result.standardError)")
                #expect(result.standardError.contains("error:"), "\(result.standardError)")
                #expect(sandbox.snapshot() == before, "\(command) \(target) changed files")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
