public import Foundation
import Gradebook

extension GradesActions {
    /// CSV with one row per answer graded by hand (`grades export --csv --rubric`): its points, the rubric items
    /// applied (`+1 text; -0.50 text`, in the rubric's order), the adjustment and the comment. Text cells are
    /// neutralised and quoted (``CSVCell``); rows in student, lesson, exercise order.
    /// - Throws: ``GradebookError/missing(path:)`` when there is no gradebook at `path` (none is created).
    public static func exportRubricCSV(gradebook path: URL) throws -> String {
        let gradebook = try Gradebook(existingAt: path.path, shownAs: path.relativePath)
        var rows = ["student,lesson,exercise,manual_points,rubric_items,adjustment,comment"]
        for score in try gradebook.manualScores() {
            let items = score.rubricItems.map { FeedbackPage.signed($0.points) + " " + $0.description }.joined(separator: "; ")
            rows.append(([score.student, score.lesson, score.exerciseId].map(CSVCell.text)
                + [CSVCell.number(format(score.points)), CSVCell.text(items),
                   CSVCell.number(format(score.rubricItems.isEmpty ? 0 : score.adjustment)), CSVCell.text(score.comment)])
                .joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}
