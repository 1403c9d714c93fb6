import Foundation
import GRDB
public import Grading

/// Reading answers exercise by exercise, for the grading server.
extension Gradebook {
    /// Every stored answer to `exercise` of `lesson`, by student name.
    public func answers(lesson: String, exercise: String) throws -> [StoredAnswer] {
        try database.read { db in
            var tests: [Int64: [TestResult]] = [:]
            let results = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.* FROM result r JOIN submission s ON s.id = r.submission
                    WHERE s.lesson = ? AND r.exerciseId = ? ORDER BY r.submission, r.position
                    """,
                arguments: [lesson, exercise])
            while let row = try results.next() {
                let submission: Int64 = row["submission"]
                tests[submission, default: []].append(TestResult(
                    exerciseId: row["exerciseId"], testId: row["testId"], isHidden: row["isHidden"],
                    points: row["points"], maxPoints: row["maxPoints"], message: row["message"]))
            }
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, student, json_extract(exerciseCode, '$.' || json_quote(?1)) AS code,
                           json_extract(exerciseFailures, '$.' || json_quote(?1)) AS failure, tampering
                    FROM submission WHERE lesson = ?2 ORDER BY student
                    """,
                arguments: [exercise, lesson]
            ).map { row in
                let id: Int64 = row["id"], code: String? = row["code"]
                return StoredAnswer(
                    student: row["student"], lesson: lesson, exerciseId: exercise, code: code ?? "",
                    failure: row["failure"], tests: tests[id] ?? [],
                    tampering: try decoder.decode([String].self, from: Data((row["tampering"] as String).utf8)))
            }
        }
    }

    /// Every student in the gradebook, sorted.
    public func students() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT id FROM student ORDER BY id") }
    }

    /// The lessons with graded submissions, sorted.
    public func lessons() throws -> [String] {
        try database.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT lesson FROM submission ORDER BY lesson") }
    }

    /// For each submission of `lesson`: the student, the exercises that could not be used, and whether it was
    /// tampered with.
    public func submissionFlags(lesson: String) throws -> [(student: String, failed: [String], tampered: Bool)] {
        try database.read { db in
            let decoder = JSONDecoder()
            return try Row.fetchAll(
                db, sql: "SELECT student, exerciseFailures, tampering FROM submission WHERE lesson = ? ORDER BY student",
                arguments: [lesson]
            ).map { row in
                let failures = try decoder.decode([String: String].self, from: Data((row["exerciseFailures"] as String).utf8))
                let student: String = row["student"], tampering: String = row["tampering"]
                return (student, failures.keys.sorted(), tampering != "[]")
            }
        }
    }
}
