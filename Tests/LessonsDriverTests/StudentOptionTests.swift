import Foundation
import Testing
import TestSupport

/// The options of an exercise cell are the instructor's: a student who edits them (an invalid `timeout`, an
/// unknown option, more points) is graded with the instructor's options and the change is reported as tampering,
/// never by rejecting the whole file (which would cost the honest exercises too).
@Suite(.serialized) struct StudentOptionTests {
    @Test func editedExerciseOptionsAreIgnoredAndReported() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("sam", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance) { text in
            text.replacingFirst("//| exercise: mean\n", with: "//| exercise: mean\n//| timeout: 99999\n//| foo: bar\n")
                .replacingFirst("//| exercise: variance\n", with: "//| exercise: variance\n//| points: 50\n")
        }
        let grade = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"], timeout: 600)
        #expect(grade.status == 0, "\(grade.standardError)")
        #expect(!grade.standardError.contains("rejected"), "\(grade.standardError)")
        #expect(grade.standardError.contains("sam: 5/5 points, tampering reported"), "\(grade.standardError)")
        #expect(try grading.totals()["sam"] == "5", "the instructor's points rule, and both exercises count")
        let page = try grading.feedback("sam")
        #expect(page.contains("timeout"), "the invalid timeout is reported: \(page)")
        #expect(page.contains("foo"), "the unknown option is reported: \(page)")
        #expect(page.contains("options of exercise cell &#39;variance&#39;"), "the changed points are reported: \(page)")
    }
}
