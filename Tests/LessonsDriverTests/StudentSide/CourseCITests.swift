import Foundation
import Testing
import TestSupport

/// A course's CI fails on what would fail in grading: `ci.sh` from `lessons init` validates every exercise through
/// the grader and releases every student copy.
@Suite(.serialized) struct CourseCITests {
    /// Runs `command` with `arguments` in `folder`, with the built `lessons` first in `PATH`; standard output and
    /// error together.
    static func run(_ command: String, _ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = BuildProducts.directory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func aFreshCoursePassesItsCIWithNoWarningAndAnUngradableTestFailsItByName() throws {
        let parent = InitCommandTests.freshFolder()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let lessons = BuildProducts.lessonsExecutable.path
        #expect(try Self.run(lessons, ["init", "course", "--title", "CI"], in: parent).status == 0)
        let course = parent.appendingPathComponent("course")
        let gitignore = try String(contentsOf: course.appendingPathComponent(".gitignore"), encoding: .utf8)
        for entry in ["submissions/", "gradebook*.sqlite", "grades*.csv", "feedback/", "release/"] {
            #expect(gitignore.split(separator: "\n").contains(Substring(entry)), "\(entry) is not ignored")
        }
        let check = try Self.run(lessons, ["check", "--all"], in: course)
        #expect(check.status == 0 && !check.output.contains("warning"), "\(check.output)")
        #expect(try Self.run(lessons, ["run", "--all"], in: course).status == 0)
        let ci = try Self.run(course.appendingPathComponent("ci.sh").path, [], in: course)
        #expect(ci.status == 0, "\(ci.output)")
        #expect(!ci.output.lowercased().contains("warning"), "\(ci.output)")
        #expect(ci.output.contains("the instructor's solution earns 3/3 points"), "\(ci.output)")
        #expect(FileManager.default.fileExists(atPath: course.appendingPathComponent("release/01-first-lesson.md").path))
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent("gradebook.sqlite").path))

        // A test that runs in the lesson but cannot be graded: it examines the function itself, not a value.
        let lesson = course.appendingPathComponent("Lessons/01-first-lesson.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try Data((text + "\n```{swift}\n//| id: ungradable\n//| test: mean\n//| points: 1\nlet average = mean\ncheck(average([1, 3]), approximatelyEquals: 2)\n```\n").utf8)
            .write(to: lesson)
        #expect(try Self.run(lessons, ["run", "--all"], in: course).status == 0)
        let failing = try Self.run(course.appendingPathComponent("ci.sh").path, [], in: course)
        #expect(failing.status != 0)
        #expect(failing.output.contains("1 of 1 lessons with exercises cannot be graded: Lessons/01-first-lesson.md"), "\(failing.output)")
        #expect(failing.output.contains("Lessons/01-first-lesson.md:"), "\(failing.output)")
    }
}
