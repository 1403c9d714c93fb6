import FileSafety
public import Foundation
public import Grading
import GRDB

/// The class's grades in SQLite (GRDB): students, submissions, per-test results, manual scores.
///
/// Each submission's results are written in one transaction, so killing the grader at any moment loses nothing
/// already graded and never leaves a partial record. The schema is managed by migrations.
public final class Gradebook: Sendable {
    private let database: DatabaseQueue

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

    /// Records a score given by hand for a written answer (replacing an earlier one).
    public func setManualScore(student: String, lesson: String, exercise: String, points: Double, comment: String) throws {
        try database.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO student (id) VALUES (?)", arguments: [student])
            try db.execute(
                sql: """
                    INSERT INTO manualScore (student, lesson, exerciseId, points, comment) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (student, lesson, exerciseId) DO UPDATE SET points = excluded.points, comment = excluded.comment
                    """,
                arguments: [student, lesson, exercise, points, comment])
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
                        INSERT INTO manualScore (student, lesson, exerciseId, points, comment) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (student, lesson, exerciseId) DO UPDATE SET points = excluded.points, comment = excluded.comment
                        """,
                    arguments: [score.student, score.lesson, score.exerciseId, score.points, score.comment])
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

    /// Every manual score.
    public func manualScores() throws -> [ManualScore] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM manualScore ORDER BY student, lesson, exerciseId").map {
                ManualScore(student: $0["student"], lesson: $0["lesson"], exerciseId: $0["exerciseId"],
                    points: $0["points"], comment: $0["comment"])
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
