import ArgumentParser
import LessonsDriver

/// `lessons check`: validate lessons and their grading markup.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate lessons and their grading markup without running them.",
        discussion: """
            Reports, with file:line, everything `lessons run` would reject plus grading problems: solution and \
            hidden-test regions that are unterminated, nested or stray, markers outside exercise and test cells, \
            tests of unknown exercises, missing points, and points that do not add up.
            """
    )

    @OptionGroup var selection: LessonSelection

    func run() throws {
        let layout = ProjectLayout.discover()
        guard let files = selection.files(in: layout) else { throw ExitCode(1) }
        let status = CheckAction(layout: layout).run(files)
        if status != 0 { throw ExitCode(status) }
    }
}
