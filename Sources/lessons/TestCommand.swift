import ArgumentParser
import Foundation
import LessonModel
import LessonsDriver

/// `lessons test`: run the visible tests of a student's copy and report points earned of points possible.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the visible tests of one exercise (or all) of your copy and show the points they earn.",
        discussion: """
            Runs the lesson's cells up to the exercise's last test, going on past exercises not done yet, and \
            prints for each exercise whether it is solved with its visible tests passing, failing a visible test \
            (with the message), or not done yet, with the points its visible tests earn. Hidden tests are not in \
            your copy: their points, and those of written answers, are graded later. Writes nothing. Exit status 0 \
            when every visible test that ran passed, else 1.
            """
    )

    @Argument(help: "The lesson (a file, or a bare name in Lessons/).")
    var lesson: String

    @Option(help: "Test only this exercise (its `//| exercise:` id).")
    var exercise: String?

    @Option(help: "Default per-cell timeout in seconds (a cell's `timeout` option or the lesson's wins).")
    var timeout: Double = 60

    func validate() throws {
        if let problem = NumberBounds.timeout.problem(with: timeout, name: "--timeout") { throw ValidationError(problem) }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        guard let file = LessonSelection.single(lesson, in: layout) else { throw ExitCode(1) }
        var options = RunOptions()
        options.timeout = timeout
        let status = TestAction(layout: layout, options: options, exercise: exercise).run(file)
        if status != 0 { throw ExitCode(status) }
    }
}
