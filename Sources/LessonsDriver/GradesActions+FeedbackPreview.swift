public import Foundation
public import Gradebook

extension GradesActions {
    /// The feedback page `lessons feedback` would write for `student` and `lesson` (nil when they have no graded
    /// submission), for the grading server's preview.
    public static func feedbackPreview(gradebook: Gradebook, student: String, lesson: String, lessons: URL?) throws -> String? {
        guard let entry = try gradebook.entries().first(where: { $0.report.student == student && $0.report.lesson == lesson })
        else { return nil }
        let manual = try gradebook.manualScores().filter { $0.student == student && $0.lesson == lesson }
        return FeedbackPage.html(
            entry: entry, manual: manual, rubrics: lessons.map { Self.rubrics(of: lesson, in: $0) } ?? [:],
            written: lessons.map { Self.writtenAnswers(of: lesson, in: $0) } ?? [:])
    }
}
