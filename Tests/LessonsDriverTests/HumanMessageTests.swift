import Foundation
import Testing
import TestSupport

/// I/O errors read `path: what went wrong (errno text)`; `--version`; `run --check --force` (issue 15, item 15).
@Suite(.serialized) struct HumanMessageTests {
    static let lesson = "---\ntitle: Plain\n---\n\nNo cells.\n"

    @Test func writeErrorsNameThePathAndTheReason() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-plain.md", Self.lesson)
        try project.write("02-essay.md", "---\ntitle: Essay\n---\n\n```{swift}\n//| exercise: essay\n//| manual: true\n//| points: 2\n// Why?\n```\n")
        try FileManager.default.createSymbolicLink(
            at: project.root.appendingPathComponent("Assets"),
            withDestinationURL: OutputFolderTests.packageRoot.appendingPathComponent("Assets"))
        try Data("x".utf8).write(to: project.root.appendingPathComponent("blocker"))
        let lessons = LessonsCommandRunner(project: project)
        let set = try lessons.run(["grades", "set", "--student", "s", "--new-student", "--lesson", "02-essay", "--exercise", "essay", "--points", "1"])
        #expect(set.status == 0, "\(set.standardError)")
        for command in [
            ["release", "01-plain.md", "--out", "blocker/release"], ["build", "--out", "blocker/site"],
            ["grades", "export", "--csv", "--out", "missing/grades.csv"],
            ["grades", "set", "--student", "s", "--new-student", "--lesson", "02-essay", "--exercise", "essay", "--points", "1",
             "--gradebook", "blocker/grades.sqlite"],
        ] {
            let result = try lessons.run(command)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(!result.standardError.contains("NSCocoaErrorDomain") && !result.standardError.contains("(null)"),
                "\(command): \(result.standardError)")
            #expect(result.standardError.contains("blocker") || result.standardError.contains("missing/grades.csv"),
                "\(command): \(result.standardError)")
            #expect(result.standardError.contains("Not a directory") || result.standardError.contains("No such file"),
                "\(command): \(result.standardError)")
        }
    }

    @Test func versionNamesTheToolAndItsToolchain() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let result = try LessonsCommandRunner(project: project).run(["--version"])
        #expect(result.status == 0)
        let text = result.standardOutput
        #expect(text.hasPrefix("lessons "), "\(text)")
        #expect(text.contains("Swift 6"), "\(text)")
    }

    @Test func checkWithForceNeverCallsAnUpToDateLessonStale() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-plain.md", Self.lesson)
        let result = try LessonsCommandRunner(project: project).run(["run", "--check", "--force", "01-plain.md"])
        #expect(!result.standardError.contains("STALE"), "\(result.standardError)")
        #expect(!result.standardError.contains("()"), "\(result.standardError)")
        #expect(result.standardError.contains("--force"), "the conflict is named: \(result.standardError)")
        #expect(result.status != 0 && result.status < 128)
    }
}
