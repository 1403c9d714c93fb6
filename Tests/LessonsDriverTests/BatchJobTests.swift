import Foundation
@testable import LessonsDriver
import TestSupport
import Testing

/// `lessons grade --slurm` without a cluster (issue 28): the scripts pass every path through the shell intact, the
/// merge job reports tasks that did not finish and merges again without counting twice, gradebooks of different
/// tests are never merged, and options that make no sense together are refused. (Tests/Slurm/ runs the same job
/// on a real one-node cluster.)
@Suite struct BatchJobTests {
    /// Paths with spaces, quotes, `$`, backslashes and newlines reach `lessons grade` as they are.
    @Test(arguments: 0..<25)
    func theArrayScriptPassesEveryPathIntact(seed: Int) throws {
        var random = TestRandom(seed: UInt64(seed))
        let alphabet = Array("ab c'\"$`\\;&|*?!(){}<>\n\té-")
        func path() -> String { "/x/" + String((0..<Int(random.next() % 12 + 1)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }) }
        let project = try TemporaryProject()
        defer { project.remove() }
        // A stand-in for `lessons` that writes its arguments, one per NUL.
        let echo = project.root.appendingPathComponent("echo-args").path
        try "#!/bin/bash\nprintf '%s\\0' \"$@\" > \"$OUT\"\n".write(toFile: echo, atomically: false, encoding: .utf8)
        chmod(echo, 0o755)
        let submissions = (0..<Int(random.next() % 3 + 1)).map { _ in path() }
        let plan = BatchPlan(
            lesson: path(), submissions: submissions, gradebook: "/g.sqlite", tasks: 3, expected: [1, 1, 1],
            folder: project.root.path + "/batch", executable: echo, projectRoot: project.root.path,
            gradeOptions: ["--timeout", "60.0"])
        try FileManager.default.createDirectory(atPath: plan.folder + "/status", withIntermediateDirectories: true)
        let script = plan.folder + "/array.sh"
        try SlurmScripts(plan: plan).array.write(toFile: script, atomically: false, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script]
        process.environment = ["SLURM_ARRAY_TASK_ID": "2", "SLURM_CPUS_PER_TASK": "4", "OUT": project.root.path + "/args", "PATH": "/usr/bin:/bin"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let arguments = try String(contentsOfFile: project.root.path + "/args", encoding: .utf8).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(arguments == ["grade", "--lesson", plan.lesson] + submissions
            + ["--shard", "2/3", "--gradebook", plan.folder + "/shards/task-2.sqlite", "--jobs", "4", "--timeout", "60.0"])
        #expect(try String(contentsOfFile: plan.statusFile(2), encoding: .utf8) == "0\n", "the task's status file")
    }

    @Test func theMergeJobReportsAnUnfinishedTaskAndMergesAgainWithoutCountingTwice() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        for (index, student) in ["s1", "s2", "s3", "s4"].enumerated() {
            try grading.submit(student, mean: index % 2 == 1 ? "return 0" : FixtureClass.correctMean)
        }
        let written = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--slurm", "2", "--gradebook", "all.sqlite"])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardError.contains("sbatch --parsable batch/means/array.sh"), "\(written.standardError)")
        let folder = grading.project.root.appendingPathComponent("batch/means").path
        func task(_ number: Int) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [folder + "/array.sh"]
            process.environment = ProcessInfo.processInfo.environment.merging(["SLURM_ARRAY_TASK_ID": "\(number)", "SLURM_CPUS_PER_TASK": "1"]) { $1 }
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        try task(1)
        let partial = try grading.lessons.run(["grades", "merge", "--plan", "batch/means"])
        #expect(partial.status == 1)
        #expect(partial.standardError.contains("task 2 did not finish"), "\(partial.standardError)")
        #expect(try grading.lessons.run(["grades", "status", "batch/means"]).standardOutput.contains("task 2: 0 of 2 graded, waiting"))
        try task(2)
        for _ in 0..<2 {
            let merged = try grading.lessons.run(["grades", "merge", "--plan", "batch/means"])
            #expect(merged.status == 0, "\(merged.standardError)")
            #expect(try grading.totals(gradebook: "all.sqlite") == ["s1": "3", "s2": "0", "s3": "3", "s4": "0"])
        }
        let status = try grading.lessons.run(["grades", "status", "batch/means"]).standardOutput
        #expect(status.contains("all: 4 of 4 graded; merge: ok"), "\(status)")
    }

    @Test func gradebooksOfDifferentTestsAreNotMerged() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("s1", mean: FixtureClass.correctMean)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--gradebook", "one.sqlite"]).status == 0)
        // The instructor changes the lesson (a comment is enough: other tests, another fingerprint) and grades again.
        let lesson = grading.project.root.appendingPathComponent("Lessons/means.md")
        try (String(contentsOf: lesson, encoding: .utf8) + "\nA new paragraph.\n").write(to: lesson, atomically: true, encoding: .utf8)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--gradebook", "two.sqlite"]).status == 0)
        let refused = try grading.lessons.run(["grades", "merge", "--into", "all.sqlite", "one.sqlite", "two.sqlite"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("different tests"), "\(refused.standardError)")
        #expect(try grading.totals(gradebook: "all.sqlite").isEmpty, "nothing was merged")
        #expect(try grading.lessons.run(["grades", "merge", "--into", "all.sqlite", "two.sqlite"]).status == 0)
    }

    @Test(arguments: [
        (["--submit"], "go with --slurm"),
        (["--slurm", "2", "--wait"], "add --submit"),
        (["--slurm", "0"], "from 1 to 10000"),
        (["--slurm", "2", "--shard", "1/2"], "leave out --shard"),
        (["--slurm", "2", "--partition", "a b"], "not a Slurm partition"),
    ])
    func optionsThatMakeNoSenseTogetherAreRefused(extra: [String], reason: String) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let result = try LessonsCommandRunner(project: project).run(["grade", "--lesson", "x.md", "submissions"] + extra)
        #expect(result.status != 0)
        #expect(result.standardError.contains(reason), "\(result.standardError)")
    }
}
