import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons release`: write the student copy of a lesson.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student copy of a lesson: solutions become stubs, hidden tests and instructor text are removed.",
        discussion: """
            Writes DIR/<lesson>.md and DIR/<lesson>.manifest.json (checksums of every locked cell). Exercise \
            cells keep function signatures with bodies that trap with "not implemented yet"; outputs of \
            exercise and test cells are cleared; text between <!-- BEGIN INSTRUCTOR --> and \
            <!-- END INSTRUCTOR --> is removed.
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
