import ArgumentParser
import Foundation
import LessonModel
import LessonsDriver

/// `lessons build`: render the lessons into the static site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render Lessons/ into the static site students browse (site/).",
        discussion: """
            Uses the outputs written in the lessons (run them first, or pass --run). Mathematics is converted to \
            MathML and code highlighted at build time; the site makes no external requests and works from file://. \
            The same lessons always give byte-identical files.
            """
    )

    @Option(help: "Write the site here instead of site/.")
    var out: String?

    @Flag(name: .customLong("run"), help: "Re-run lessons whose outputs are stale before building.")
    var runFirst = false

    @Flag(help: "Render TeX that does not convert as raw TeX marked as an error, report it, and still write the site.")
    var keepGoing = false

    @Option(help: "How many pages to render at the same time (default: the machine's cores). The site's bytes do not depend on it.")
    var jobs: Int?

    func validate() throws {
        if let jobs, let problem = NumberBounds.jobs.problem(with: Double(jobs), name: "--jobs") { throw ValidationError(problem) }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        var action = BuildAction(layout: layout)
        if let out { action.outputDirectory = URL(fileURLWithPath: out) }
        action.runFirst = runFirst
        action.keepGoing = keepGoing
        if let jobs { action.jobs = jobs }
        let status = action.run()
        if status != 0 { throw ExitCode(status) }
    }
}
