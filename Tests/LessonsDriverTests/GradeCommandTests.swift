import Foundation
import Testing
import TestSupport

@Suite(.serialized) struct GradeCommandTests {
    @Test func gradesAClassSkipsWhatIsGradedAndExportsTotals() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("alice", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        try grading.submit("bob", mean: FixtureClass.correctMean, variance: "return 0")
        try grading.submit("carol", mean: nil)
        let first = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--jobs", "2"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardError.contains("[3/3]"), "progress is shown")
        #expect(try grading.totals() == ["alice": "5", "bob": "4", "carol": "0"])

        let second = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"])
        #expect(second.standardError.components(separatedBy: "already graded").count == 4)
        let forced = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--force"])
        #expect(!forced.standardError.contains("already graded"))
    }

    @Test func shardsMergeIntoTheSameGrades() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        for (index, student) in ["s1", "s2", "s3"].enumerated() {
            try grading.submit(student, mean: index == 1 ? "return 0" : FixtureClass.correctMean)
        }
        for shard in ["1/2", "2/2"] {
            let result = try grading.lessons.run([
                "grade", "--lesson", "means.md", "submissions", "--shard", shard, "--gradebook", "shard-\(shard.first!).sqlite",
            ])
            #expect(result.status == 0)
        }
        let first = Set(try grading.totals(gradebook: "shard-1.sqlite").keys)
        let second = Set(try grading.totals(gradebook: "shard-2.sqlite").keys)
        #expect(first.isDisjoint(with: second) && first.union(second) == ["s1", "s2", "s3"], "\(first) \(second)")
        #expect(!first.isEmpty && !second.isEmpty)
        #expect(try grading.lessons.run(["grades", "merge", "--into", "all.sqlite", "shard-1.sqlite", "shard-2.sqlite"]).status == 0)
        #expect(try grading.totals(gradebook: "all.sqlite") == ["s1": "3", "s2": "0", "s3": "3"])
    }

    @Test func killingTheGraderLosesNothingAndARerunCompletes() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        for number in 1...6 {
            // Each submission loops in `mean`, so each takes a few seconds (test timeouts).
            try grading.submit("s\(number)", mean: "while true {}\nreturn 0", variance: FixtureClass.correctVariance)
        }
        let process = try grading.lessons.start(["grade", "--lesson", "means.md", "submissions"])
        Thread.sleep(forTimeInterval: 9)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try grading.totals()
        #expect(partial.count < 6, "the grader was killed before the end")
        #expect(partial.values.allSatisfy { $0 == "2" }, "every recorded submission is complete: \(partial)")

        let rerun = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"])
        #expect(rerun.status == 0)
        #expect(rerun.standardError.components(separatedBy: "already graded").count - 1 == partial.count)
        #expect(try grading.totals() == Dictionary(uniqueKeysWithValues: (1...6).map { ("s\($0)", "2") }))
    }

    @Test func manualScoresAndFeedbackPages() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("eve", mean: "print(\"<script>alert('x')</script>\")\nreturn 0")
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        #expect(try grading.lessons.run([
            "grades", "set", "--student", "eve", "--lesson", "means", "--exercise", "explain", "--points", "1.5",
            "--comment", "Close, but <b>why</b>?",
        ]).status == 0)
        let written = try grading.lessons.run(["feedback", "--out", "feedback/"])
        #expect(written.status == 0)
        #expect(written.standardError.contains("feedback page(s) to feedback/\n"), "no doubled slash: \(written.standardError)")
        let page = try String(
            contentsOf: grading.project.root.appendingPathComponent("feedback/eve/means.html"), encoding: .utf8)
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("Close, but &lt;b&gt;why&lt;/b&gt;?"))
        #expect(page.contains("(hidden)"), "hidden tests are named")
        #expect(page.contains("<td>test 2 (hidden)</td>"), "tests are named by their position in the exercise")
        #expect(!page.contains("cell-"), "never by the runner's cell-N")
        #expect(!page.contains("mean([-4, 4, 9])"), "hidden test code is never shown")
        let csv = try grading.lessons.run(["grades", "export", "--csv"]).standardOutput
        #expect(csv.contains("eve,means,explain,0,0,1.50,0,1.50"))
    }

    @Test func studentsRunTheirCopyAndAreToldHiddenTestsComeLater() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let student = try TemporaryProject(in: BuildProducts.directory.appendingPathComponent("test-projects"))
        defer { student.remove() }
        try student.write("means.md", FixtureClass.submission(
            released: grading.released, mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance))
        let result = try LessonsCommandRunner(project: student).run(["run", "means.md"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains(
            "visible tests: 2 of 2 test cells passed; hidden tests are not in this copy: they run when your work is graded"),
            "\(result.standardError)")
        #expect(result.standardError.contains("exercise 'mean': solved, visible tests pass"))
        #expect(!result.standardError.lowercased().contains("all tests passed"))
    }

    @Test func gradingProgressIsLiveOnATerminal() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("ada", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        let terminal = try grading.lessons.runOnTerminal(["grade", "--lesson", "means.md", "submissions"])
        #expect(terminal.contains("\r\u{1B}[2Kada: 5/5 points"), "the live line is rewritten in place")
        #expect(terminal.contains("[1/1] 0 failed"), "done/total and failures so far")
        #expect(terminal.contains("s left"), "an estimate of the time left")
    }

    @Test func validateGradesTheInstructorsSolutionFirst() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let valid = try grading.lessons.run(["grade", "--lesson", "means.md", "--validate"])
        #expect(valid.status == 0, "\(valid.standardError)")
        #expect(valid.standardError.contains("earns 5/5 points through the grader (4 test cells, 4 values examined)"))
        // A hidden test with a wrong expected value fails the instructor's own solution: nobody is graded by it.
        try grading.project.write("means.md", FixtureClass.instructor.replacingFirst("mean([-4, 4, 9]) - 3)", with: "mean([-4, 4, 9]) - 4)"))
        try grading.submit("zoe", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        for arguments in [["--validate"], ["submissions"]] {
            let invalid = try grading.lessons.run(["grade", "--lesson", "means.md"] + arguments)
            #expect(invalid.status == 1)
            #expect(invalid.standardError.contains("the instructor's solution, graded as a submission, earns 3/5 points"))
            #expect(invalid.standardError.contains("cell-3: hidden: mean of [-4, 4, 9] should be 3"), "\(invalid.standardError)")
        }
        #expect(try grading.totals().isEmpty, "no student was graded")
    }
}
