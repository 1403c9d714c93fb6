import Foundation
import Testing
import TestSupport

/// A student works on the released copy like a notebook: exercises not done yet cost their own cells only.
@Suite(.serialized) struct StudentCopyRunTests {
    @Test func runningACopyWithUnsolvedExercisesRunsEveryOtherCellAndSaysWhereEachExerciseStands() throws {
        let four = try FourExercises()
        defer { four.remove() }
        let run = try four.lessons.run(["run", "four.md"])
        let text = try four.student.read("four.md")
        // The last cell, after two unsolved exercises, still ran.
        #expect(text.contains("```output\nafter the exercises\n```"), "\(run.standardError)")
        #expect(run.standardError.contains("exercise 'double': not done yet"), "\(run.standardError)")
        #expect(run.standardError.contains("exercise 'answer': solved, visible tests pass"))
        #expect(run.standardError.contains("exercise 'means': not done yet"))
        #expect(run.standardError.contains("exercise 'rate': solved, visible tests pass"))
        #expect(run.standardError.contains("2 of 4 exercises pass their visible tests, 2 not done yet"))
        #expect(!run.standardError.contains("FAILED ("))
        // Hidden tests are not in the copy, and the summary says so.
        #expect(run.standardError.contains("hidden tests are not in this copy"))
        #expect(!run.standardError.contains("hidden tests run when graded"))
    }

    @Test func aTopLevelLetStubDoesNotEndTheProgram() throws {
        let four = try FourExercises()
        defer { four.remove() }
        // Nothing solved: each test needs its exercise, and the cells after them all still run; one that reads
        // `answer` is the only other cell lost, and it is named.
        try four.student.write("four.md", four.released + "```{swift}\n//| id: reads-answer\nprint(answer)\n```\n\n"
            + "```{swift}\nprint(\"the very end\")\n```\n")
        let run = try four.lessons.run(["run", "four.md"])
        let text = try four.student.read("four.md")
        #expect(text.contains("```output\nafter the exercises\n```"), "\(run.standardError)")
        #expect(text.contains("```output\nthe very end\n```"), "\(run.standardError)")
        for exercise in ["double", "answer", "means", "rate"] {
            #expect(run.standardError.contains("exercise '\(exercise)': not done yet"), "\(run.standardError)")
        }
        #expect(run.standardError.contains("note: cell 'reads-answer' did not run to its end: it uses an exercise that is not done yet"),
            "\(run.standardError)")
        #expect(!run.standardError.contains("crashed: Fatal error: not implemented yet"), "said per exercise, not per cell")
    }

    @Test func testGivesEachExercisesVisiblePointsAndAnExitStatus() throws {
        let four = try FourExercises()
        defer { four.remove() }
        let expected: [(String, Int32, String)] = [
            ("double", 1, "exercise 'double': not done yet; 0 of 1 visible point"),
            ("answer", 0, "exercise 'answer': solved, visible tests pass; 1 of 1 visible point; 2 points graded later"),
            ("means", 1, "exercise 'means': not done yet; 0 of 1 visible point"),
            ("rate", 0, "exercise 'rate': solved, visible tests pass; 1 of 1 visible point; 2 points graded later"),
        ]
        for (exercise, status, line) in expected {
            let result = try four.lessons.run(["test", "four.md", "--exercise", exercise])
            #expect(result.status == status, "\(exercise): \(result.standardOutput) \(result.standardError)")
            #expect(result.standardOutput.contains(line), "\(exercise): \(result.standardOutput)")
        }
        let all = try four.lessons.run(["test", "four.md"])
        #expect(all.status == 1)
        #expect(all.standardOutput.contains("visible tests earn 2 of 4 points; 4 points are graded later"), "\(all.standardOutput)")
        let unknown = try four.lessons.run(["test", "four.md", "--exercise", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("no exercise 'nope' in this lesson; its exercises are 'double', 'answer', 'means', 'rate'"))
    }
    @Test func anUnsolvedTopLevelLetCostsOnlyItsOwnTestsWhenGraded() throws {
        let four = try FourExercises()
        defer { four.remove() }
        // Only `rate` (exercise 4) is solved; the stub of `answer` (exercise 2) stands before it.
        let folder = four.course.root.appendingPathComponent("submissions/carl")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let submission = four.released.replacingOccurrences(
            of: "var rate: Double { fatalError(\"not implemented yet\") }", with: "let rate: Double = 0.25")
        #expect(submission != four.released)
        try Data(submission.utf8).write(to: folder.appendingPathComponent("four.md"))
        let lessons = LessonsCommandRunner(project: four.course)
        let graded = try lessons.run(["grade", "--lesson", "four.md", "submissions"])
        #expect(graded.status == 0, "\(graded.standardError)")
        let csv = try lessons.run(["grades", "export", "--csv"]).standardOutput
        #expect(csv.contains("carl,four,rate,3,3,"), "the visible and the hidden test of rate pass: \(csv)")
        #expect(csv.contains("carl,four,answer,0,3,"), "\(csv)")
    }
}
