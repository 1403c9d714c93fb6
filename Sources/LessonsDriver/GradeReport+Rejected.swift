import Grading
import LessonModel

extension GradeReport {
    /// The grade of a submission that was not graded as it stands (``SubmissionRejection``): every test at 0
    /// points with `reason` as its message, as for a submission that does not parse. Nothing ran, so nothing was
    /// sandboxed; the empty content hash never matches a file, so the next run reads the submission again.
    static func rejected(
        student: String, reason: String, instructor: Lesson, markup: GradingMarkup, testsHash: String
    ) -> GradeReport {
        GradeReport(
            student: student, lesson: instructor.name, contentHash: "", testsHash: testsHash,
            results: Scoring.zero(markup: markup, lesson: instructor, reason: reason), tampering: [],
            exerciseFailures: [:], exerciseCode: [:], sandboxed: false)
    }
}
