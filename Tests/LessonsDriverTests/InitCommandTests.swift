import Foundation
import LessonsDriver
import Testing
import TestSupport

/// `lessons init` (issue 18): a new course in an empty folder; a folder that is not empty is refused unless
/// `--force`, and no file is ever overwritten.
@Suite struct InitCommandTests {
    /// A new temporary folder (not created) and a remover.
    static func freshFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lessons-init-\(UUID().uuidString)")
    }

    /// Runs the built `lessons init` with `arguments` in `folder`'s parent.
    static func runInit(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = ["init"] + arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func makesACourseInANewFolder() throws {
        let parent = Self.freshFolder()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let (status, output) = try Self.runInit(["my-course", "--title", "Bayes: \"a\" course"], in: parent)
        #expect(status == 0, "\(output)")
        let course = parent.appendingPathComponent("my-course")
        for file in ["lessons.yml", "Lessons/01-first-lesson.md", "Assets/README.md", ".gitignore", "ci.sh"] {
            #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent(file).path), "\(file) missing")
        }
        let settings = try String(contentsOf: course.appendingPathComponent("lessons.yml"), encoding: .utf8)
        #expect(settings.contains("title: \"Bayes: \\\"a\\\" course\"\n"), "\(settings)")
        let gitignore = try String(contentsOf: course.appendingPathComponent(".gitignore"), encoding: .utf8)
        for entry in ["release/", "feedback/", "gradebook*.sqlite", ".lessons/"] { #expect(gitignore.contains(entry)) }
        let mode = try FileManager.default.attributesOfItem(atPath: course.appendingPathComponent("ci.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent("Assets/site").path))
        #expect(output.contains("lessons run --all"))
    }

    @Test func refusesAFolderThatIsNotEmptyAndChangesNothing() throws {
        let course = Self.freshFolder()
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: course) }
        try Data("mine\n".utf8).write(to: course.appendingPathComponent("notes.txt"))
        let (status, output) = try Self.runInit([], in: course)
        #expect(status == 1)
        #expect(output.contains("is not empty (it holds notes.txt)"), "\(output)")
        #expect(output.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.path) == ["notes.txt"])
    }

    @Test func forceAddsTheMissingFilesAndKeepsTheOthers() throws {
        let course = Self.freshFolder()
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: course) }
        let mine = course.appendingPathComponent("Lessons/01-first-lesson.md")
        try Data("my own lesson\n".utf8).write(to: mine)
        let (status, output) = try Self.runInit([course.path, "--force"], in: FileManager.default.temporaryDirectory)
        #expect(status == 0, "\(output)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "my own lesson\n")
        #expect(output.contains("kept Lessons/01-first-lesson.md"))
        #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent("lessons.yml").path))
    }

    @Test func aGitFolderAloneIsEmptyEnough() throws {
        let course = Self.freshFolder()
        try FileManager.default.createDirectory(at: course.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: course) }
        let (status, output) = try Self.runInit([course.path], in: FileManager.default.temporaryDirectory)
        #expect(status == 0, "\(output)")
    }

    @Test func templatesInAnExistingCourseCopyOnlyTheSiteFiles() throws {
        let course = Self.freshFolder()
        defer { try? FileManager.default.removeItem(at: course) }
        #expect(try Self.runInit([course.path], in: FileManager.default.temporaryDirectory).status == 0)
        let (status, output) = try Self.runInit([course.path, "--templates"], in: FileManager.default.temporaryDirectory)
        #expect(status == 0, "\(output)")
        let page = course.appendingPathComponent("Assets/site/templates/page.mustache")
        #expect(FileManager.default.fileExists(atPath: page.path), "\(output)")
        // A second time keeps the (possibly edited) copies.
        try Data("edited".utf8).write(to: page)
        #expect(try Self.runInit([course.path, "--templates"], in: FileManager.default.temporaryDirectory).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8) == "edited")
    }

    @Test func theBuiltInFilesAreFoundFromTheBuiltExecutable() throws {
        let folder = try #require(BuiltInFiles.locate(executable: BuildProducts.lessonsExecutable))
        #expect(FileManager.default.fileExists(atPath: BuiltInFiles.courseDirectory(in: folder)
            .appendingPathComponent("Lessons/01-first-lesson.md").path))
    }
}
