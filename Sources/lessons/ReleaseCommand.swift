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
    var lesson: String

    @Option(help: "The folder to write the student copy to.")
    var out: String

    func run() throws {
        let layout = ProjectLayout.discover()
        guard let file = LessonSelection.single(lesson, in: layout) else { throw ExitCode(1) }
        let status = ReleaseAction(layout: layout).run(file, output: URL(fileURLWithPath: out))
        if status != 0 { throw ExitCode(status) }
    }
}
