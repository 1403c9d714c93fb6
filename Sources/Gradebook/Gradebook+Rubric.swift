public import Foundation
import GRDB

/// Rubric items, answer-group splits and the grading server's settings.
extension Gradebook {
    /// The rubric items of one exercise, in their order.
    public func rubricItems(lesson: String, exercise: String) throws -> [RubricItem] {
        try database.read { db in try Self.items(db, lesson: lesson, exercise: exercise) }
    }

    /// Adds an item at the end of the exercise's list.
    @discardableResult
    public func addRubricItem(lesson: String, exercise: String, points: Double, description: String) throws -> RubricItem {
        try database.write { db in
            let last = try Int.fetchOne(
                db, sql: "SELECT MAX(position) FROM rubricItem WHERE lesson = ? AND exerciseId = ?",
                arguments: [lesson, exercise]) ?? 0
            try db.execute(
                sql: "INSERT INTO rubricItem (lesson, exerciseId, position, points, description) VALUES (?, ?, ?, ?, ?)",
                arguments: [lesson, exercise, last + 1, points, description])
            return RubricItem(
                id: db.lastInsertedRowID, lesson: lesson, exerciseId: exercise, position: last + 1, points: points,
                description: description)
        }
    }

    /// Seeds an exercise's items from the lesson's rubric, once: never again after the first time, even when a
    /// grader has since changed or removed them.
    public func seedRubricItems(lesson: String, exercise: String, items: [(points: Double, description: String)]) throws {
        let key = "seeded \(lesson) \(exercise)"
        guard try setting(key) == nil else { return }
        for item in items { try addRubricItem(lesson: lesson, exercise: exercise, points: item.points, description: item.description) }
        try setSetting(key, "yes")
    }

    /// Changes an item's points and description, and re-scores every answer that has it (each gets a new version
    /// and an audit entry), in one transaction.
    /// - Returns: the answers re-scored.
    /// - Throws: ``ManualGradeError/unknownItem(id:lesson:exercise:)``.
    @discardableResult
    public func updateRubricItem(
        id: Int64, lesson: String, exercise: String, points: Double, description: String, maximum: Double, who: String,
        at date: Date = Date()
    ) throws -> [ManualGrade] {
        try database.write { db in
            guard let old = try Self.items(db, lesson: lesson, exercise: exercise).first(where: { $0.id == id }) else {
                throw ManualGradeError.unknownItem(id: id, lesson: lesson, exercise: exercise)
            }
            try db.execute(
                sql: "UPDATE rubricItem SET points = ?, description = ? WHERE id = ?", arguments: [points, description, id])
            guard old.points != points else { return [] }
            let itemPoints = try Self.itemPoints(db, lesson: lesson, exercise: exercise)
            let grades = try Self.grades(db, lesson: lesson, exercise: exercise, students: nil)
            var rescored: [ManualGrade] = []
            for student in grades.keys.sorted() {
                guard var grade = grades[student], grade.items.contains(id) else { continue }
                let before = grade.points
                grade.points = Self.clamp(grade.items.reduce(0.0) { $0 + (itemPoints[$1] ?? 0) } + grade.adjustment, maximum)
                grade.version += 1
                try Self.write(grade, db)
                try Self.audit(
                    db, grade, change: "rubric item \(id): \(old.points) → \(points) points", oldPoints: before,
                    oldValue: "\(before)", newValue: "\(grade.points)", who: who, at: date)
                rescored.append(grade)
            }
            return rescored
        }
    }

    /// The students split out of their answer group for one exercise.
    public func splitStudents(lesson: String, exercise: String) throws -> Set<String> {
        try database.read { db in
            Set(try String.fetchAll(
                db, sql: "SELECT student FROM groupSplit WHERE lesson = ? AND exerciseId = ?", arguments: [lesson, exercise]))
        }
    }

    /// Splits `student`'s answer out of its group (`split`), or puts it back.
    public func setSplit(student: String, lesson: String, exercise: String, split: Bool) throws {
        try database.write { db in
            try db.execute(
                sql: split
                    ? "INSERT OR IGNORE INTO groupSplit (student, lesson, exerciseId) VALUES (?, ?, ?)"
                    : "DELETE FROM groupSplit WHERE student = ? AND lesson = ? AND exerciseId = ?",
                arguments: [student, lesson, exercise])
        }
    }

    /// A setting of the grading server (anonymous mode, the pseudonyms' key), nil when never set.
    public func setting(_ key: String) throws -> String? {
        try database.read { db in try String.fetchOne(db, sql: "SELECT value FROM graderSetting WHERE key = ?", arguments: [key]) }
    }

    /// Sets a setting of the grading server.
    public func setSetting(_ key: String, _ value: String) throws {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO graderSetting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }

    /// Count and largest id of the stored submissions: changes whenever `lessons grade` records anything.
    public func submissionStamp() throws -> String {
        try database.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission") ?? 0
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM submission") ?? 0
            return "\(count)/\(last)"
        }
    }

    static func items(_ db: Database, lesson: String, exercise: String) throws -> [RubricItem] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM rubricItem WHERE lesson = ? AND exerciseId = ? ORDER BY position, id",
            arguments: [lesson, exercise]
        ).map {
            RubricItem(id: $0["id"], lesson: $0["lesson"], exerciseId: $0["exerciseId"], position: $0["position"],
                points: $0["points"], description: $0["description"])
        }
    }
}
