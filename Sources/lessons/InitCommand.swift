import ArgumentParser
import Foundation
import LessonsDriver

/// `lessons init`: start a new course.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new course: lessons.yml, a first lesson, Assets/, .gitignore and a CI script.",
        discussion: """
            Writes lessons.yml (title, authors, language, site URL, outline), Lessons/01-first-lesson.md (a short \
            lesson that uses every feature: cells, outputs, a plot, math, a value in prose, an error: true cell, \
            an exercise with visible and hidden tests, a written answer with a rubric), Assets/, .gitignore and \
            ci.sh (lessons run --all --check, lessons check --all, lessons build). The folder must be new or \
            empty (a .git folder is allowed) unless --force; no file is ever overwritten. \
            With --templates, also copies the built-in site templates and styles to Assets/site/, where each file \
            replaces the built-in one of the same name; in an existing course, --templates copies only those.
            """
    )

    @Argument(help: "The course folder (default: the current folder).")
    var directory: String = "."

    @Option(help: "The course title for lessons.yml (default: the folder's name).")
    var title: String?

    @Flag(help: "Add the course files to a folder that is not empty; files that exist are kept.")
    var force = false

    @Flag(help: "Copy the built-in site templates and styles to Assets/site/ for customising.")
    var templates = false

    func run() throws {
        guard let builtIn = BuiltInFiles.locate() else {
            FileHandle.standardError.write(Data("error: the built-in course files are missing: reinstall lessons\n".utf8))
            throw ExitCode(1)
        }
        var action = InitAction(directory: URL(fileURLWithPath: directory), builtIn: builtIn)
        action.title = title
        action.force = force
        action.templates = templates
        let status = action.run { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}
