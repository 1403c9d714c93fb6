import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons grades`: the gradebook.
struct GradesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "Manual scores, CSV export and merging of shard gradebooks.",
        subcommands: [Set.self, Export.self, Merge.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a score given by hand (written answers).")
        @Option var gradebook = "gradebook.sqlite"
        @Option var student: String
        @Option var lesson: String
        @Option var exercise: String
        @Option var points: Double
        @Option var comment = ""

        func run() throws {
            try GradesActions.set(
                gradebook: URL(fileURLWithPath: gradebook), student: student, lesson: lesson, exercise: exercise,
                points: points, comment: comment)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export one row per student and exercise, plus totals.")
        @Option var gradebook = "gradebook.sqlite"
        @Flag(help: "CSV (the only format).") var csv = false
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() throws {
            let text = try GradesActions.exportCSV(gradebook: URL(fileURLWithPath: gradebook))
            if let out {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Combine the gradebooks of `lessons grade --shard` runs.")
        @Option(help: "The gradebook to merge into.") var into: String
        @Argument(help: "Shard gradebooks.") var shards: [String]

        func run() throws {
            try GradesActions.merge(into: URL(fileURLWithPath: into), shards: shards.map { URL(fileURLWithPath: $0) })
        }
    }
}
