import Foundation
import Testing
import TestSupport

/// Feedback speaks to the student: lines of their own file, how their code ended in words, no runner names
/// (before: `cell-33`, the instructor's `means.md:30:1` whose lines differ from the student's, "signal 4").
@Suite struct FeedbackForStudentsTests {
    @Test func pagesNameTheStudentsOwnLinesAndSayHowTheCodeEnded() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("wrong", mean: "return 7", variance: FixtureClass.correctVariance)
        try grading.submit("trapping", mean: "return xs[xs.count]", variance: "return [0.0][3]")
        try grading.submit("copy", mean: nil)
        let graded = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions", "--jobs", "2"])
        #expect(graded.status == 0, "\(graded.standardError)")
        for student in ["wrong", "trapping", "copy"] {
            let page = try grading.feedback(student)
            #expect(!page.contains("cell-"), "\(student): a runner's cell name")
            #expect(!page.contains("signal 4") && !page.contains("(signal"), "\(student): a signal number")
        }
        // The failed visible check of `mean` is named at its line in the student's file, not the instructor's.
        let page = try grading.feedback("wrong")
        let submitted = try String(
            contentsOf: grading.submissions.appendingPathComponent("wrong/means.md"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let lines = page.matches(of: /means\.md:(\d+)/).compactMap { Int($0.output.1) }
        #expect(!lines.isEmpty, "the failing check's line is named")
        for line in lines {
            #expect(submitted[line - 1].contains("mean([1, 2, 3])"), "line \(line) of the student's file: \(submitted[line - 1])")
        }
        #expect(try grading.feedback("trapping").contains("trapped"), "a trap is said in words")
        // The total says what the lesson is worth, written answers included, and what is not graded yet.
        #expect(page.contains("Total: 2 of 7 points"), "\(page)")
        #expect(page.contains("not graded yet"))
    }
}
