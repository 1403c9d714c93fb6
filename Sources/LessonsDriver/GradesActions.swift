public import Foundation
import Gradebook
import Grading

/// `lessons grades ...` and `lessons feedback`: the gradebook's other commands.
public enum GradesActions {
    /// Records a manual score.
    public static func set(
        gradebook path: URL, student: String, lesson: String, exercise: String, points: Double, comment: String
    ) throws {
        try Gradebook(path: path.path).setManualScore(
            student: student, lesson: lesson, exercise: exercise, points: points, comment: comment)
    }

    /// CSV with one row per student, lesson and exercise, then a `TOTAL` row per student and lesson.
    public static func exportCSV(gradebook path: URL) throws -> String {
        let gradebook = try Gradebook(path: path.path)
        let manual = try gradebook.manualScores()
        var rows = ["student,lesson,exercise,auto_points,auto_max,manual_points,late_penalty,total"]
        for entry in try gradebook.entries() {
            let report = entry.report
            let mine = manual.filter { $0.student == report.student && $0.lesson == report.lesson }
            var exercises = Array(Set(report.results.map(\.exerciseId)).union(mine.map(\.exerciseId))).sorted()
            exercises = exercises.filter { !$0.isEmpty }
            var total = 0.0
            for exercise in exercises {
                let tests = report.results.filter { $0.exerciseId == exercise }
                let auto = tests.reduce(0) { $0 + $1.points }
                let manualPoints = mine.filter { $0.exerciseId == exercise }.reduce(0) { $0 + $1.points }
                let earned = (auto + manualPoints) * (1 - entry.latePenalty)
                total += earned
                rows.append([report.student, report.lesson, exercise, format(auto), format(tests.reduce(0) { $0 + $1.maxPoints }),
                    format(manualPoints), format(entry.latePenalty), format(earned)].map(csv).joined(separator: ","))
            }
            rows.append([report.student, report.lesson, "TOTAL", format(report.points), format(report.maxPoints),
                format(mine.reduce(0) { $0 + $1.points }), format(entry.latePenalty), format(total)].map(csv).joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// Merges shard gradebooks into `target`.
    public static func merge(into target: URL, shards: [URL]) throws {
        let gradebook = try Gradebook(path: target.path)
        for shard in shards { try gradebook.merge(Gradebook(path: shard.path)) }
    }

    /// Writes `<out>/<student>/<lesson>.html` for every graded submission; returns how many.
    public static func writeFeedback(gradebook path: URL, output: URL) throws -> Int {
        let gradebook = try Gradebook(path: path.path)
        let manual = try gradebook.manualScores()
        let entries = try gradebook.entries()
        for entry in entries {
            let folder = output.appendingPathComponent(safeName(entry.report.student))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let page = FeedbackPage.html(
                entry: entry,
                manual: manual.filter { $0.student == entry.report.student && $0.lesson == entry.report.lesson })
            try AtomicFile.write(Array(page.utf8), to: folder.appendingPathComponent(safeName(entry.report.lesson) + ".html"))
        }
        return entries.count
    }

    /// A file name that cannot climb out of its folder.
    static func safeName(_ text: String) -> String {
        let cleaned = String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }

    private static func csv(_ field: String) -> String {
        field.contains(",") || field.contains("\"") || field.contains("\n")
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
