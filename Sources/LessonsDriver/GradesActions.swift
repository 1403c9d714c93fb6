import FileSafety
public import Foundation
import Gradebook
import Grading
import LessonParsing

/// `lessons grades ...` and `lessons feedback`: the gradebook's other commands.
public enum GradesActions {
    /// Records a manual score after checking it against the lesson and the gradebook: the exercise exists and is
    /// manual, `0 <= points <= ` its points, and the student is in the gradebook, or `newStudent` adds them.
    /// - Returns: what was recorded, in words ("recorded 1.5 of 2 points for alice, 01-a, exercise explain, in
    ///   gradebook.sqlite"), for the person who typed the command.
    /// - Throws: ``ManualScoreError`` or ``GradebookError`` saying what is wrong; nothing is recorded then.
    @discardableResult
    public static func set(
        gradebook path: URL, student: String, lesson file: URL, layout: ProjectLayout, exercise: String,
        points: Double, comment: String, newStudent: Bool
    ) throws -> String {
        let displayPath = layout.displayPath(of: file)
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
            let lesson = LessonParser.parse(bytes, displayPath: displayPath).0
        else { throw ManualScoreError.unreadableLesson(lesson: displayPath) }
        let target = try ManualScoreRule.check(
            points: points, exercise: exercise, lesson: lesson.name, exercises: GradingMarkupParser.parse(lesson).0.exercises)
        let gradebook = newStudent ? try Gradebook(path: path.path) : try Gradebook(existingAt: path.path, shownAs: path.relativePath)
        if !newStudent, try !gradebook.hasStudent(student) {
            throw ManualScoreError.unknownStudent(student: student, gradebook: path.relativePath)
        }
        let added = try newStudent && !gradebook.hasStudent(student)
        try gradebook.setManualScore(
            student: student, lesson: lesson.name, exercise: exercise, points: points, comment: comment)
        return "recorded \(format(points)) of \(format(target.points)) points for \(student)"
            + (added ? " (new in the gradebook)" : "") + ", \(lesson.name), exercise \(exercise)"
            + (comment.isEmpty ? "" : ", with a comment") + ", in \(path.relativePath)"
    }

    /// Writes `text` to `url` atomically (for `grades export --out`).
    /// - Throws: ``FileError`` naming the path and the reason.
    public static func write(_ text: String, to url: URL) throws {
        try AtomicFile.write(Array(text.utf8), to: url)
    }

    /// CSV with one row per student, lesson and exercise, then a `TOTAL` row per student and lesson. Text cells
    /// are neutralised and quoted (``CSVCell``); names that differ in any byte get rows of their own. The last
    /// column, `max`, is what the row is worth: its tests' points plus, for a written answer, its points from
    /// `lessons/<lesson>.md`. With `lessons`, every written answer of a lesson has a row, graded or not, so that
    /// `TOTAL`'s `max` is the lesson's points.
    /// - Throws: ``GradebookError/missing(path:)`` when there is no gradebook at `path` (none is created).
    public static func exportCSV(gradebook path: URL, lessons: URL? = nil) throws -> String {
        let gradebook = try Gradebook(existingAt: path.path, shownAs: path.relativePath)
        let manual = Dictionary(grouping: try gradebook.manualScores()) { StudentLesson($0.student, $0.lesson) }
        let totals = Dictionary(grouping: try gradebook.exerciseTotals()) { StudentLesson($0.student, $0.lesson) }
        var writtenMaxima: [String: [String: Double]] = [:]
        var rows = ["student,lesson,exercise,auto_points,auto_max,manual_points,late_penalty,total,max"]
        for key in Set(totals.keys).union(manual.keys).sorted() {
            let automatic = totals[key] ?? []
            let written = manual[key] ?? []
            if writtenMaxima[key.lesson] == nil {
                writtenMaxima[key.lesson] = lessons.map { Self.writtenAnswerPoints(of: key.lesson, in: $0) } ?? [:]
            }
            let maxima = writtenMaxima[key.lesson] ?? [:]
            let penalty = automatic.first?.latePenalty ?? 0
            var sums = (auto: 0.0, max: 0.0, manual: 0.0, total: 0.0, all: 0.0)
            func row(_ exercise: String, _ numbers: [Double]) -> String {
                ([key.student, key.lesson, exercise].map(CSVCell.text) + numbers.map { CSVCell.number(format($0)) })
                    .joined(separator: ",")
            }
            let exercises = Set(automatic.map(\.exerciseId)).union(written.map(\.exerciseId)).union(maxima.keys)
            for exercise in exercises.sorted() {
                let auto = automatic.filter { $0.exerciseId == exercise }
                let points = auto.reduce(0) { $0 + $1.points }, maxPoints = auto.reduce(0) { $0 + $1.maxPoints }
                let manualPoints = written.filter { $0.exerciseId == exercise }.reduce(0) { $0 + $1.points }
                let earned = (points + manualPoints) * (1 - penalty)
                let worth = maxPoints + (maxima[exercise] ?? 0)
                sums = (sums.auto + points, sums.max + maxPoints, sums.manual + manualPoints, sums.total + earned, sums.all + worth)
                rows.append(row(exercise, [points, maxPoints, manualPoints, penalty, earned, worth]))
            }
            rows.append(row("TOTAL", [sums.auto, sums.max, sums.manual, penalty, sums.total, sums.all]))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// The points of each written answer of `lesson` (a file in `folder`), by exercise id; empty when the lesson
    /// cannot be read.
    static func writtenAnswerPoints(of lesson: String, in folder: URL) -> [String: Double] {
        let file = folder.appendingPathComponent(lesson + ".md")
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
            let parsed = LessonParser.parse(bytes, displayPath: "Lessons/\(lesson).md").0
        else { return [:] }
        let written = GradingMarkupParser.parse(parsed).0.exercises.filter(\.isManual)
        return Dictionary(written.map { ($0.id, $0.points) }, uniquingKeysWith: { first, _ in first })
    }

    /// Merges shard gradebooks into `target` (created if needed).
    /// - Throws: ``GradebookError/missing(path:)`` before writing anything when a shard does not exist.
    /// Merges `shards` into `target` (created if need be). Merging the same shard again changes nothing: a student
    /// has one submission per lesson, the latest merged. Refused before anything is written when two of the
    /// gradebooks (the target included) graded one lesson with different tests: their grades cannot be compared.
    public static func merge(into target: URL, shards: [URL]) throws {
        let opened = try shards.map { try Gradebook(existingAt: $0.path, shownAs: $0.relativePath) }
        let gradebook = try Gradebook(path: target.path)
        var seen: [String: (tests: String, file: String)] = [:]
        for (book, name) in [(gradebook, target.relativePath)] + zip(opened, shards.map(\.relativePath)) {
            for entry in try book.entries() {
                let lesson = entry.report.lesson
                if let first = seen[lesson], first.tests != entry.report.testsHash {
                    throw MergeError.differentTests(lesson: lesson, first.file, name)
                }
                seen[lesson] = (entry.report.testsHash, name)
            }
        }
        for shard in opened { try gradebook.merge(shard) }
    }

    /// Writes `<out>/<student>/<lesson>.html` for every graded submission, each name as its ``FolderName``;
    /// returns how many. A written answer's page shows its rubric (``Rubrics``) when `lessons/<lesson>.md` has one.
    /// - Throws: ``FeedbackError/sharedFolder(_:_:)`` before writing anything, when two students (or lessons)
    ///   would share a page on a case-insensitive disk.
    public static func writeFeedback(gradebook path: URL, output: URL, lessons: URL? = nil) throws -> Int {
        let gradebook = try Gradebook(existingAt: path.path, shownAs: path.relativePath)
        let manual = Dictionary(grouping: try gradebook.manualScores()) { StudentLesson($0.student, $0.lesson) }
        let entries = try gradebook.entries()
        let pages = entries.map { "\(FolderName.encode($0.report.student))/\(FolderName.encode($0.report.lesson)).html" }
        if let (first, second) = FolderName.firstCaseCollision(pages) {
            throw FeedbackError.samePage(entries[first].report, entries[second].report, page: pages[first])
        }
        var rubrics: [String: [String: String]] = [:]
        var written: [String: [String: Double]] = [:]
        for (entry, page) in zip(entries, pages) {
            let file = output.appendingPathComponent(page)
            try Folder.make(file.deletingLastPathComponent().path, shownAs: file.deletingLastPathComponent().relativePath)
            let lesson = entry.report.lesson
            if rubrics[lesson] == nil { rubrics[lesson] = lessons.map { Self.rubrics(of: lesson, in: $0) } ?? [:] }
            if written[lesson] == nil { written[lesson] = lessons.map { Self.writtenAnswers(of: lesson, in: $0) } ?? [:] }
            let html = FeedbackPage.html(
                entry: entry, manual: manual[StudentLesson(entry.report.student, lesson)] ?? [], rubrics: rubrics[lesson] ?? [:],
                written: written[lesson] ?? [:])
            try AtomicFile.write(Array(html.utf8), to: file)
        }
        return entries.count
    }

    /// The written answers of `<folder>/<lesson>.md` and their points, by exercise id (none when it cannot be read).
    static func writtenAnswers(of lesson: String, in folder: URL) -> [String: Double] {
        let file = folder.appendingPathComponent(lesson + ".md")
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
            let parsed = LessonParser.parse(bytes, displayPath: "Lessons/\(lesson).md").0
        else { return [:] }
        let exercises = GradingMarkupParser.parse(parsed).0.exercises.filter(\.isManual)
        return Dictionary(exercises.map { ($0.id, $0.points) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rubrics of `<folder>/<lesson>.md`, by exercise id (none when it cannot be read or parsed).
    static func rubrics(of lesson: String, in folder: URL) -> [String: String] {
        let file = folder.appendingPathComponent(lesson + ".md")
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init),
            let parsed = LessonParser.parse(bytes, displayPath: "Lessons/\(lesson).md").0
        else { return [:] }
        return Rubrics.find(in: parsed, markup: GradingMarkupParser.parse(parsed).0)
    }
}
