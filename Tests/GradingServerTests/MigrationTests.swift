import Foundation
import Gradebook
import GRDB
import Testing

/// A gradebook written before grading in the browser (schema v1) opens, keeps its scores, and takes the new data.
@Suite struct MigrationTests {
    @Test func aVersion1GradebookKeepsItsScores() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            // The v1 schema as GRDB's migrator recorded it, with one score given by `grades set`.
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: students, submissions, results, manual scores');
                CREATE TABLE student (id TEXT PRIMARY KEY);
                CREATE TABLE submission (id INTEGER PRIMARY KEY AUTOINCREMENT, student TEXT NOT NULL REFERENCES student(id) ON DELETE CASCADE,
                  lesson TEXT NOT NULL, contentHash TEXT NOT NULL, testsHash TEXT NOT NULL, receivedAt DATETIME NOT NULL,
                  points DOUBLE NOT NULL, maxPoints DOUBLE NOT NULL, latePenalty DOUBLE NOT NULL DEFAULT 0, sandboxed BOOLEAN NOT NULL,
                  tampering TEXT NOT NULL, exerciseFailures TEXT NOT NULL, exerciseCode TEXT NOT NULL, UNIQUE (student, lesson));
                CREATE TABLE result (submission INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE, position INTEGER NOT NULL,
                  exerciseId TEXT NOT NULL, testId TEXT NOT NULL, isHidden BOOLEAN NOT NULL, points DOUBLE NOT NULL,
                  maxPoints DOUBLE NOT NULL, message TEXT NOT NULL, PRIMARY KEY (submission, position));
                CREATE TABLE manualScore (student TEXT NOT NULL REFERENCES student(id) ON DELETE CASCADE, lesson TEXT NOT NULL,
                  exerciseId TEXT NOT NULL, points DOUBLE NOT NULL, comment TEXT NOT NULL, PRIMARY KEY (student, lesson, exerciseId));
                INSERT INTO student VALUES ('alice');
                INSERT INTO manualScore VALUES ('alice', 'means', 'explain', 1.5, 'good');
                """)
        }
        try old.close()
        let gradebook = try Gradebook(path: path)
        let score = try #require(try gradebook.manualScores().first)
        #expect(score.points == 1.5 && score.comment == "good" && score.adjustment == 1.5 && score.rubricItems.isEmpty)
        let grade = try #require(try gradebook.manualGrades(lesson: "means", exercise: "explain")["alice"])
        #expect(grade.version == 1 && grade.points == 1.5)
        // A change on top of it is versioned and audited.
        try gradebook.change(.comment("better"), students: ["alice"], versions: [1], lesson: "means", exercise: "explain",
            maximum: 2, who: "t")
        #expect(try gradebook.manualScores().first?.points == 1.5)
        #expect(try gradebook.audit().map(\.change) == ["comment"])
    }
}
