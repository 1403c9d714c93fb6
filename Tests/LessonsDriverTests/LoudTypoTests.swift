import Foundation
import Testing
import TestSupport

/// A typo is an error with a message, never a silent success (issue 15, item 11).
@Suite(.serialized) struct LoudTypoTests {
    @Test func readOnlyCommandsNeverCreateAGradebook() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = LessonsCommandRunner(project: project)
        for command in [
            ["grades", "export", "--csv", "--gradebook", "typo.sqlite"], ["feedback", "--gradebook", "typo.sqlite"],
            ["grades", "export", "--csv"],
        ] {
            let result = try lessons.run(command)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(result.standardError.contains(".sqlite"), "the gradebook is named: \(result.standardError)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
        #expect(names == ["Lessons"], "no gradebook was created: \(names)")
    }

    @Test func mergingAMissingShardFailsAndCreatesNothing() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let result = try LessonsCommandRunner(project: project).run(["grades", "merge", "--into", "all.sqlite", "shard-1.sqlite"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("shard-1.sqlite"), "\(result.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
        #expect(names == ["Lessons"], "\(names)")
    }

    @Test func nothingToRunIsAnError() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = LessonsCommandRunner(project: project)
        try FileManager.default.createDirectory(
            at: project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        for command in [["run", "--all", "--check"], ["run", "--all"], ["check", "--all"], ["clear", "--all"], ["run", "empty"]] {
            let result = try lessons.run(command)
            #expect(result.status == 1, "\(command): \(result.standardError)")
            #expect(result.standardError.contains("no lessons"), "\(command): \(result.standardError)")
        }
    }
}
