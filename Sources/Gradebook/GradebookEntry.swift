public import Foundation
public import Grading
import GRDB

/// One graded submission as stored: the report, when it was received, and its late penalty (a fraction).
public struct GradebookEntry: Sendable {
    public var report: GradeReport
    public var receivedAt: Date
    public var latePenalty: Double

    /// Every stored submission with its results: two queries, grouped in memory (no query per submission).
    static func fetchAll(_ db: Database) throws -> [GradebookEntry] {
        let decoder = JSONDecoder()
        var resultsBySubmission: [Int64: [TestResult]] = [:]
        let results = try Row.fetchCursor(db, sql: "SELECT * FROM result ORDER BY submission, position")
        while let result = try results.next() {
            resultsBySubmission[result["submission"], default: []].append(TestResult(
                exerciseId: result["exerciseId"], testId: result["testId"], isHidden: result["isHidden"],
                points: result["points"], maxPoints: result["maxPoints"], message: result["message"]))
        }
        let submissions = try Row.fetchAll(db, sql: "SELECT * FROM submission ORDER BY student, lesson")
        return try submissions.map { row in
            let id: Int64 = row["id"]
            let report = GradeReport(
                student: row["student"], lesson: row["lesson"], contentHash: row["contentHash"],
                testsHash: row["testsHash"], results: resultsBySubmission[id] ?? [],
                tampering: try decoder.decode([String].self, from: Data((row["tampering"] as String).utf8)),
                exerciseFailures: try decoder.decode([String: String].self, from: Data((row["exerciseFailures"] as String).utf8)),
                exerciseCode: try decoder.decode([String: String].self, from: Data((row["exerciseCode"] as String).utf8)),
                sandboxed: row["sandboxed"])
            return GradebookEntry(report: report, receivedAt: row["receivedAt"], latePenalty: row["latePenalty"])
        }
    }

    func insert(into db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(sql: "INSERT OR IGNORE INTO student (id) VALUES (?)", arguments: [report.student])
        try db.execute(sql: "DELETE FROM submission WHERE student = ? AND lesson = ?", arguments: [report.student, report.lesson])
        try db.execute(
            sql: """
                INSERT INTO submission (student, lesson, contentHash, testsHash, receivedAt, points, maxPoints,
                    latePenalty, sandboxed, tampering, exerciseFailures, exerciseCode)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                report.student, report.lesson, report.contentHash, report.testsHash, receivedAt, report.points,
                report.maxPoints, latePenalty, report.sandboxed,
                String(decoding: try encoder.encode(report.tampering), as: UTF8.self),
                String(decoding: try encoder.encode(report.exerciseFailures), as: UTF8.self),
                String(decoding: try encoder.encode(report.exerciseCode), as: UTF8.self),
            ])
        let submission = db.lastInsertedRowID
        for (index, result) in report.results.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO result (submission, position, exerciseId, testId, isHidden, points, maxPoints, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [submission, index, result.exerciseId, result.testId, result.isHidden, result.points,
                    result.maxPoints, result.message])
        }
    }
}
