import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons release`: write the student copy of a lesson.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student copy of a lesson: solutions become stubs, hidden tests and instructor text are removed.",
        discussion: """
            Writes DIR/<lesson>.md, DIR/<lesson>.manifest.json (checksums of every locked cell), the figures the \
            copy shows (DIR/figures/), the data its cells read (DIR/Assets/...) and DIR/README.md for students \
            (install, where to put the files, lessons run and lessons test, how to hand in). A solution inside a \
            function's body becomes a trap, "not implemented yet", and nothing else; at the top level of a cell, \
            functions keep their signatures and typed variables become computed ones that trap when read. Hidden \
            tests leave one line, "// HIDDEN TESTS: run when graded"; outputs of exercise and test cells are \
            cleared; text between <!-- BEGIN INSTRUCTOR --> and <!-- END INSTRUCTOR --> is removed. --all \
            releases every lesson with exercises into DIR (for a course's CI).
            """
    )

    @Argument(help: "The instructor's lesson (a file, or a bare name in Lessons/).")
    var lesson: String?

    @Flag(help: "Every lesson in Lessons/ that has exercises, into the one folder (for a course's CI).")
    var all = false

    @Option(help: "The folder to write the student copy to.")
    var out: String

    func validate() throws {
        if (lesson == nil) == !all { throw ValidationError("name one lesson, or pass --all") }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        let output = URL(fileURLWithPath: out)
        if all {
            guard let files = LessonSelection.every(in: layout) else { throw ExitCode(1) }
            let status = CourseAssignments.each(files, layout: layout, failing: "cannot be released") { file in
                ReleaseAction(layout: layout).run(file, output: output)
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard let lesson, let file = LessonSelection.single(lesson, in: layout) else { throw ExitCode(1) }
        let status = ReleaseAction(layout: layout).run(file, output: output)
        if status != 0 { throw ExitCode(status) }
    }
}
