public import Foundation
import GRDB

/// Grading by hand with rubric items, adjustments, comments, versions and an audit of every change.
extension Gradebook {
    /// The hand-given grades of `students` for one exercise, by student (an ungraded answer has version 0).
    public func manualGrades(lesson: String, exercise: String, students: [String]? = nil) throws -> [String: ManualGrade] {
        try database.read { db in try Self.grades(db, lesson: lesson, exercise: exercise, students: students) }
    }

    /// Applies `change` to the answers of `students` in one transaction and returns them as they now are.
    /// - Parameters:
    ///   - versions: the version of each answer the grader saw (same order as `students`); nil writes whatever the
    ///     state (`lessons grades set`, which is one person at a terminal).
    ///   - maximum: the exercise's points; the sum of items and adjustment is kept within `0...maximum`.
    ///   - who: the grader, for the audit.
    /// - Throws: ``ManualGradeError/conflict(current:)`` when any answer's version differs from `versions` (nothing
    ///   is written), ``ManualGradeError/unknownItem(id:lesson:exercise:)``.
    @discardableResult
    public func change(
        _ change: ManualGradeChange, students: [String], versions: [Int]?, lesson: String, exercise: String,
        maximum: Double, who: String, at date: Date = Date()
    ) throws -> [ManualGrade] {
        try database.write { db in
            let current = try Self.grades(db, lesson: lesson, exercise: exercise, students: students)
            if let versions {
                let stale = zip(students, versions).contains { student, version in current[student]?.version != version }
                if stale || versions.count != students.count {
                    throw ManualGradeError.conflict(current: students.compactMap { current[$0] })
                }
            }
            let itemPoints = try Self.itemPoints(db, lesson: lesson, exercise: exercise)
            if case .item(let id, _) = change, itemPoints[id] == nil {
                throw ManualGradeError.unknownItem(id: id, lesson: lesson, exercise: exercise)
            }
            var written: [ManualGrade] = []
            for student in students {
                guard let old = current[student] else { continue }
                var grade = old
                let sum = { (grade: ManualGrade) in grade.items.reduce(0.0) { $0 + (itemPoints[$1] ?? 0) } }
                switch change {
                case .points(let score):
                    grade.adjustment = score - sum(grade)
                case .adjustment(let value):
                    grade.adjustment = value
                case .comment(let text):
                    grade.comment = text
                case .item(let id, let applied):
                    grade.items = (applied ? Set(grade.items).union([id]) : Set(grade.items).subtracting([id])).sorted()
                }
                grade.points = Self.clamp(sum(grade) + grade.adjustment, maximum)
                if case .points(let score) = change { grade.points = score }
                grade.version += 1
                try Self.write(grade, db)
                let (oldValue, newValue) = Self.values(of: change, old: old, new: grade)
                try Self.audit(
                    db, grade, change: change.name, oldPoints: old.isGraded ? old.points : nil, oldValue: oldValue,
                    newValue: newValue, who: who, at: date)
                written.append(grade)
            }
            return written
        }
    }

    /// The audit of one exercise (or of everything), oldest first.
    public func audit(lesson: String? = nil, exercise: String? = nil) throws -> [AuditEntry] {
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM manualAudit WHERE (?1 IS NULL OR lesson = ?1) AND (?2 IS NULL OR exerciseId = ?2)
                    ORDER BY id
                    """,
                arguments: [lesson, exercise]
            ).map {
                AuditEntry(
                    at: $0["at"], who: $0["who"], student: $0["student"], lesson: $0["lesson"],
                    exerciseId: $0["exerciseId"], change: $0["change"], oldPoints: $0["oldPoints"],
                    newPoints: $0["newPoints"], oldValue: $0["oldValue"], newValue: $0["newValue"])
            }
        }
    }

    // MARK: Inside transactions.

    static func grades(_ db: Database, lesson: String, exercise: String, students: [String]?) throws -> [String: ManualGrade] {
        var grades: [String: ManualGrade] = [:]
        for student in students ?? [] { grades[student] = ManualGrade(student: student, lesson: lesson, exerciseId: exercise) }
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM manualScore WHERE lesson = ? AND exerciseId = ?", arguments: [lesson, exercise])
        for row in rows {
            let student: String = row["student"]
            guard students == nil || grades[student] != nil else { continue }
            var grade = ManualGrade(student: student, lesson: lesson, exerciseId: exercise)
            grade.points = row["points"]
            grade.adjustment = row["adjustment"]
            grade.comment = row["comment"]
            grade.version = row["version"]
            grades[student] = grade
        }
        let applied = try Row.fetchAll(
            db, sql: "SELECT student, item FROM appliedRubricItem WHERE lesson = ? AND exerciseId = ? ORDER BY student, item",
            arguments: [lesson, exercise])
        for row in applied {
            let student: String = row["student"]
            grades[student]?.items.append(row["item"])
        }
        return grades
    }

    static func itemPoints(_ db: Database, lesson: String, exercise: String) throws -> [Int64: Double] {
        var points: [Int64: Double] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT id, points FROM rubricItem WHERE lesson = ? AND exerciseId = ?", arguments: [lesson, exercise])
        {
            points[row["id"]] = row["points"]
        }
        return points
    }

    static func write(_ grade: ManualGrade, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO student (id) VALUES (?)", arguments: [grade.student])
        try db.execute(
            sql: """
                INSERT INTO manualScore (student, lesson, exerciseId, points, comment, adjustment, version)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (student, lesson, exerciseId) DO UPDATE SET points = excluded.points,
                    comment = excluded.comment, adjustment = excluded.adjustment, version = excluded.version
                """,
            arguments: [grade.student, grade.lesson, grade.exerciseId, grade.points, grade.comment, grade.adjustment,
                grade.version])
        try db.execute(
            sql: "DELETE FROM appliedRubricItem WHERE student = ? AND lesson = ? AND exerciseId = ?",
            arguments: [grade.student, grade.lesson, grade.exerciseId])
        for item in grade.items {
            try db.execute(
                sql: "INSERT INTO appliedRubricItem (student, lesson, exerciseId, item) VALUES (?, ?, ?, ?)",
                arguments: [grade.student, grade.lesson, grade.exerciseId, item])
        }
    }

    static func audit(
        _ db: Database, _ grade: ManualGrade, change: String, oldPoints: Double?, oldValue: String, newValue: String,
        who: String, at date: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO manualAudit (at, who, student, lesson, exerciseId, change, oldPoints, newPoints, oldValue, newValue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [AuditEntry.timestamp(date), who, grade.student, grade.lesson, grade.exerciseId, change, oldPoints,
                grade.points, oldValue, newValue])
    }

    static func values(of change: ManualGradeChange, old: ManualGrade, new: ManualGrade) -> (String, String) {
        switch change {
        case .points, .item: ("\(old.points)", "\(new.points)")
        case .adjustment: ("\(old.adjustment)", "\(new.adjustment)")
        case .comment: (old.comment, new.comment)
        }
    }

    static func clamp(_ value: Double, _ maximum: Double) -> Double { min(max(value, 0), maximum) }
}
