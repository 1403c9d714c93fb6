import GRDB

/// The gradebook's schema, as migrations (never edit a shipped migration; add a new one).
enum GradebookSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: students, submissions, results, manual scores") { db in
            try db.create(table: "student") { table in
                table.primaryKey("id", .text)
            }
            try db.create(table: "submission") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("student", .text).notNull().references("student", onDelete: .cascade)
                table.column("lesson", .text).notNull()
                table.column("contentHash", .text).notNull()
                table.column("testsHash", .text).notNull()
                table.column("receivedAt", .datetime).notNull()
                table.column("points", .double).notNull()
                table.column("maxPoints", .double).notNull()
                table.column("latePenalty", .double).notNull().defaults(to: 0)
                table.column("sandboxed", .boolean).notNull()
                table.column("tampering", .text).notNull()
                table.column("exerciseFailures", .text).notNull()
                table.column("exerciseCode", .text).notNull()
                table.uniqueKey(["student", "lesson"])
            }
            try db.create(table: "result") { table in
                table.column("submission", .integer).notNull().references("submission", onDelete: .cascade)
                table.column("position", .integer).notNull()
                table.column("exerciseId", .text).notNull()
                table.column("testId", .text).notNull()
                table.column("isHidden", .boolean).notNull()
                table.column("points", .double).notNull()
                table.column("maxPoints", .double).notNull()
                table.column("message", .text).notNull()
                table.primaryKey(["submission", "position"])
            }
            try db.create(table: "manualScore") { table in
                table.column("student", .text).notNull().references("student", onDelete: .cascade)
                table.column("lesson", .text).notNull()
                table.column("exerciseId", .text).notNull()
                table.column("points", .double).notNull()
                table.column("comment", .text).notNull()
                table.primaryKey(["student", "lesson", "exerciseId"])
            }
        }
        return migrator
    }
}
