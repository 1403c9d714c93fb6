import FileSafety
public import Foundation
public import Grading
import GRDB

/// The class's grades in SQLite (GRDB): students, submissions, per-test results, manual scores.
///
/// Each submission's results are written in one transaction, so killing the grader at any moment loses nothing
/// already graded and never leaves a partial record. The schema is managed by migrations.
public final class Gradebook: Sendable {
    let database: DatabaseQueue

    /// Opens (or creates) the gradebook at `path` and brings its schema up to date.
    /// - Throws: `FileError` (`folder: cannot create the folder (Not a directory)`) when its folder cannot be made.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try Folder.make(folder, shownAs: folder) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        database = try DatabaseQueue(path: path, configuration: configuration)
        try GradebookSchema.migrator.migrate(database)
    }

    /// Opens the gradebook at `path`, which must exist: commands that only read grades never create one.
    /// - Parameter name: the path as the user gave it, for the error.
    /// - Throws: ``GradebookError/missing(path:)``.
    public convenience init(existingAt path: String, shownAs name: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw GradebookError.missing(path: name)
        }
        try self.init(path: path)
    }

    /// Whether `student` is in the gradebook (graded, or added by hand).
    public func hasStudent(_ student: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM student WHERE id = ?)", arguments: [student]) ?? false
        }
    }

    /// The stored fingerprints of `student`'s graded submission of `lesson`, if any.
    public func gradedHashes(student: String, lesson: String) throws -> (content: String, tests: String)? {
        try database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT contentHash, testsHash FROM submission WHERE student = ? AND lesson = ?",
                arguments: [student, lesson]
            ).map { ($0["contentHash"], $0["testsHash"]) }
        }
    }

    /// Records a graded submission, replacing the previous one of the same student and lesson, in one transaction.
    public func record(_ report: GradeReport, receivedAt: Date, latePenalty: Double) throws {
        let entry = GradebookEntry(report: report, receivedAt: receivedAt, latePenalty: latePenalty)
        try database.write { db in try entry.insert(into: db) }
    }

    /// Records a score given by hand for a written answer (replacing an earlier one), as `lessons grades set` does:
    /// whatever the answer's version, with an audit entry for the score (and one for the comment when it changes).
    public func setManualScore(
        student: String, lesson: String, exercise: String, points: Double, comment: String, who: String = "lessons grades set"
    ) throws {
        try change(.points(points), students: [student], versions: nil, lesson: lesson, exercise: exercise,
            maximum: .infinity, who: who)
        if try manualGrades(lesson: lesson, exercise: exercise, students: [student])[student]?.comment != comment {
            try change(.comment(comment), students: [student], versions: nil, lesson: lesson, exercise: exercise,
                maximum: .infinity, who: who)
        }
    }

    /// Every stored grade, for export, feedback and merging.
    public func entries() throws -> [GradebookEntry] {
        try database.read { db in try GradebookEntry.fetchAll(db) }
    }

    /// Copies every submission and manual score of `other` into this gradebook (newer shards win), in one
    /// transaction.
    public func merge(_ other: Gradebook) throws {
        let entries = try other.entries()
        let manual = try other.manualScores()
        try database.write { db in
            for entry in entries { try entry.insert(into: db) }
            for score in manual {
                try db.execute(sql: "INSERT OR IGNORE INTO student (id) VALUES (?)", arguments: [score.student])
                try db.execute(
                    sql: """
                        INSERT INTO manualScore (student, lesson, exerciseId, points, comment, adjustment)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (student, lesson, exerciseId) DO UPDATE SET points = excluded.points,
                            comment = excluded.comment, adjustment = excluded.adjustment, version = version + 1
                        """,
                    arguments: [score.student, score.lesson, score.exerciseId, score.points, score.comment, score.points])
            }
        }
    }

    /// Points per student, lesson and exercise, summed by SQLite (what `lessons grades export` needs, fast for
    /// large classes), in student, lesson, exercise order.
    public func exerciseTotals() throws -> [ExerciseTotal] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.student, s.lesson, s.latePenalty, r.exerciseId,
                       SUM(r.points) AS points, SUM(r.maxPoints) AS maxPoints
                FROM submission s JOIN result r ON r.submission = s.id
                GROUP BY s.id, r.exerciseId
                ORDER BY s.student, s.lesson, r.exerciseId
                """
            ).map {
                ExerciseTotal(student: $0["student"], lesson: $0["lesson"], exerciseId: $0["exerciseId"],
                    points: $0["points"], maxPoints: $0["maxPoints"], latePenalty: $0["latePenalty"])
            }
        }
    }

    /// Every manual score, with the rubric items applied to it (in their order).
    public func manualScores() throws -> [ManualScore] {
        try database.read { db in
            var applied: [String: [RubricItem]] = [:]
            let items = try Row.fetchAll(db, sql: """
                SELECT a.student, r.* FROM appliedRubricItem a JOIN rubricItem r ON r.id = a.item
                ORDER BY a.student, r.lesson, r.exerciseId, r.position, r.id
                """)
            for row in items {
                let item = RubricItem(id: row["id"], lesson: row["lesson"], exerciseId: row["exerciseId"],
                    position: row["position"], points: row["points"], description: row["description"])
                applied["\(row["student"] as String)\u{0}\(item.lesson)\u{0}\(item.exerciseId)", default: []].append(item)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM manualScore ORDER BY student, lesson, exerciseId").map {
                var score = ManualScore(student: $0["student"], lesson: $0["lesson"], exerciseId: $0["exerciseId"],
                    points: $0["points"], comment: $0["comment"])
                score.adjustment = $0["adjustment"]
                score.rubricItems = applied["\(score.student)\u{0}\(score.lesson)\u{0}\(score.exerciseId)"] ?? []
                return score
            }
        }
    }
}

/// A score given by hand.
public struct ManualScore: Sendable, Equatable {
    public var student: String
    public var lesson: String
    public var exerciseId: String
    public var points: Double
    public var comment: String
    /// Points added to the rubric items' sum (a score typed directly is all adjustment).
    public var adjustment: Double = 0
    /// The rubric items applied, in their order.
    public var rubricItems: [RubricItem] = []
}

/// The automatic points of one exercise of one submission.
public struct ExerciseTotal: Sendable, Equatable {
    public var student: String
    public var lesson: String
    public var exerciseId: String
    public var points: Double
    public var maxPoints: Double
    /// The submission's late penalty (a fraction of the points).
    public var latePenalty: Double
}
