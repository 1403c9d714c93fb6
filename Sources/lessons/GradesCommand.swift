import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons grades`: the gradebook.
struct GradesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "Manual scores, CSV export and merging of shard gradebooks.",
        subcommands: [Set.self, Export.self, Merge.self, Status.self, Serve.self]
    )

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a score given by hand (written answers).")
        @Option var gradebook = "gradebook.sqlite"
        @Option(help: "A student in the gradebook (see --new-student).") var student: String
        @Option(help: "The lesson (a file, or a bare name in Lessons/).") var lesson: String
        @Option(help: "A manual exercise of the lesson (`//| manual: true`).") var exercise: String
        @Option(help: "From 0 to the exercise's points.") var points: Double
        @Option var comment = ""
        @Flag(help: "Add the student to the gradebook (creating it if needed) when they are not in it yet.")
        var newStudent = false

        func run() throws {
            let layout = ProjectLayout.discover()
            guard let file = LessonSelection.single(lesson, in: layout) else { throw ExitCode(1) }
            try reportingErrors {
                let recorded = try GradesActions.set(
                    gradebook: URL(fileURLWithPath: gradebook), student: student, lesson: file, layout: layout,
                    exercise: exercise, points: points, comment: comment, newStudent: newStudent)
                FileHandle.standardError.write(Data((recorded + "\n").utf8))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export one row per student and exercise, plus totals.")
        @Option var gradebook = "gradebook.sqlite"
        @Flag(help: "CSV (the only format).") var csv = false
        @Flag(help: "One row per answer graded by hand: points, rubric items applied, adjustment, comment.")
        var rubric = false
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() throws {
            try reportingErrors {
                let text = rubric
                    ? try GradesActions.exportRubricCSV(gradebook: URL(fileURLWithPath: gradebook))
                    : try GradesActions.exportCSV(
                        gradebook: URL(fileURLWithPath: gradebook), lessons: ProjectLayout.discover().lessonsDirectory)
                if let out {
                    try GradesActions.write(text, to: URL(fileURLWithPath: out))
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine the gradebooks of `lessons grade --shard` runs.",
            discussion: """
                Merging again changes nothing (a student has one submission per lesson). Gradebooks that graded one \
                lesson with different tests are refused before anything is written. --plan merges the tasks of a \
                `lessons grade --slurm` job, says which tasks failed, and exits 1 if any did.
                """)
        @Option(help: "The gradebook to merge into.") var into: String?
        @Option(help: "The folder of a `lessons grade --slurm` job: merge its tasks' gradebooks.") var plan: String?
        @Argument(help: "Shard gradebooks.") var shards: [String] = []

        func validate() throws {
            if plan != nil && (into != nil || !shards.isEmpty) {
                throw ValidationError("--plan merges the job's own gradebooks into its gradebook: leave out --into and shards")
            }
            if plan == nil && (into == nil || shards.isEmpty) { throw ValidationError("name --into and the shard gradebooks, or --plan") }
        }

        func run() throws {
            if let plan {
                let status = BatchMergeAction.run(folder: URL(fileURLWithPath: plan).standardizedFileURL.path)
                if status != 0 { throw ExitCode(status) }
                return
            }
            try reportingErrors {
                try GradesActions.merge(into: URL(fileURLWithPath: into ?? ""), shards: shards.map { URL(fileURLWithPath: $0) })
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how far each task of a `lessons grade --slurm` job has got.")
        @Argument(help: "The job's folder (batch/<lesson> unless --batch-folder named another).") var folder: String

        func run() throws {
            guard let report = BatchStatusAction.report(folder: URL(fileURLWithPath: folder).standardizedFileURL.path) else {
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data(report.utf8))
        }
    }
}
