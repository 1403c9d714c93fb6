import ArgumentParser
import LessonsDriver

/// The `lessons` command: runs, checks and publishes a course written as Markdown lessons with Swift cells.
@main
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Run Markdown lessons with Swift cells like notebooks, and fill in their outputs.",
        discussion: """
            A lesson is a Markdown file in Lessons/ with YAML front matter and executable cells: fenced code \
            blocks whose info string is {swift}. Cell options are leading `//| key: value` lines. The complete \
            format is in format.md, assignments and grading in grading.md, in \(LessonsCommand.documentationFolder).
            """,
        version: LessonsVersion.text,
        subcommands: [
            InitCommand.self, RunCommand.self, TestCommand.self, ClearCommand.self, CheckCommand.self, ReleaseCommand.self, GradeCommand.self,
            GradesCommand.self, FeedbackCommand.self, BuildCommand.self, PreviewCommand.self,
        ]
    )

    /// Where the documentation is: installed in `share/lessons/doc`, or the package's `docs/`.
    static var documentationFolder: String {
        BuiltInFiles.documentation()?.path ?? "share/lessons/doc/ of the installation (docs/ of the lessons repository)"
    }
}
