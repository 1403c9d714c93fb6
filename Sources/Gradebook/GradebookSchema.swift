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
        migrator.registerMigration("v2: grading in the browser: versions, adjustments, rubric items, audit, groups") { db in
            // A score given before v2 was a score only: it becomes the adjustment, so that points = items + adjustment.
            try db.alter(table: "manualScore") { table in
                table.add(column: "adjustment", .double).notNull().defaults(to: 0)
                table.add(column: "version", .integer).notNull().defaults(to: 1)
            }
            try db.execute(sql: "UPDATE manualScore SET adjustment = points")
            try db.create(table: "rubricItem") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("lesson", .text).notNull()
                table.column("exerciseId", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("points", .double).notNull()
                table.column("description", .text).notNull()
            }
            try db.create(table: "appliedRubricItem") { table in
                table.column("student", .text).notNull()
                table.column("lesson", .text).notNull()
                table.column("exerciseId", .text).notNull()
                table.column("item", .integer).notNull().references("rubricItem", onDelete: .cascade)
                table.primaryKey(["student", "lesson", "exerciseId", "item"])
            }
            try db.create(index: "appliedRubricItemByItem", on: "appliedRubricItem", columns: ["item"])
            try db.create(table: "manualAudit") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .text).notNull()
                table.column("who", .text).notNull()
                table.column("student", .text).notNull()
                table.column("lesson", .text).notNull()
                table.column("exerciseId", .text).notNull()
                table.column("change", .text).notNull()
                table.column("oldPoints", .double)
                table.column("newPoints", .double).notNull()
                table.column("oldValue", .text).notNull()
                table.column("newValue", .text).notNull()
            }
            try db.create(table: "groupSplit") { table in
                table.column("student", .text).notNull()
                table.column("lesson", .text).notNull()
                table.column("exerciseId", .text).notNull()
                table.primaryKey(["student", "lesson", "exerciseId"])
            }
            try db.create(table: "graderSetting") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
        }
        return migrator
    }
}
