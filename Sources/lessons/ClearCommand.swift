import ArgumentParser
import LessonsDriver

/// `lessons clear`: remove generated outputs.
struct ClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove every generated output block and the lessons' figures; the authors' text is untouched."
    )

    @OptionGroup var selection: LessonSelection

    func run() throws {
        let layout = ProjectLayout.discover()
        guard let files = selection.files(in: layout) else { throw ExitCode(1) }
        let status = ClearAction(layout: layout).run(files)
        if status != 0 { throw ExitCode(status) }
    }
}
