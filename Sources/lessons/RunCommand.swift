import ArgumentParser
import Foundation
import LessonModel
import LessonsDriver

/// `lessons run`: execute lessons' cells and write their outputs into the Markdown.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run lessons' cells in order, in one process each, and write their outputs into the files.",
        discussion: """
            All cells of a lesson run in one program and share state. Outputs (text, tables, SVG figures under \
            Lessons/figures/<lesson>/) are written right after each cell between <!-- lessons:output --> and \
            <!-- lessons:end --> markers. A lesson whose code, LessonKit and toolchain are unchanged since its \
            outputs were written is skipped. A failing cell is reported with file:line; later cells are not run \
            (with --keep-going, and always on a student's copy, only the cells that need the failing one's names \
            are lost, and each exercise is reported as solved, failing a visible test, or not done yet); other \
            lessons still run; the exit code is 1. With --seed N every selected lesson runs with SeededGenerator() \
            seeded by N instead of its `seed:`, and nothing is written (its outputs belong to its own seed): CI runs \
            `lessons run --all --check --seed 7` to test that the course's checks hold for other seeds too.
            """
    )

    @OptionGroup var selection: LessonSelection

    @Flag(help: "Write nothing; exit 1 if any lesson's outputs are stale or record a failure (for CI).")
    var check = false

    @Flag(help: "Run lessons even when their outputs are up to date.")
    var force = false

    @Flag(help: "Run every cell that can run: a failing cell costs only itself and the cells that use its names (always so on a student's copy).")
    var keepGoing = false

    @Option(help: "How many lessons to run at the same time (default: the machine's cores). Each lesson's outputs do not depend on it.")
    var jobs: Int?

    @Option(help: "Default per-cell timeout in seconds (a cell's `timeout` option or the lesson's wins).")
    var timeout: Double = 60

    /// Compile cells with `-Onone` (the default; kept for the benchmark scripts).
    @Flag(help: .hidden)
    var unoptimized = false

    /// Compile cells with `-O -assert-config Debug` (for the benchmark): `precondition` keeps its message.
    @Flag(help: .hidden)
    var optimized = false

    @Flag(help: "Print one JSON record per cell on standard output: lesson, id, file:line, status, duration.")
    var json = false

    @Option(help: ArgumentHelp(
        "Run under this seed instead of each lesson's `seed:`; runs every selected lesson and writes nothing.",
        discussion: "To test that a lesson's claims hold for other seeds: `lessons run --all --check --seed 7` "
            + "exits 1 if any cell or check fails. Outputs computed under another seed are never written into the "
            + "lesson or its figures, so --check may be given or not.",
        valueName: "n"))
    var seed: UInt64?

    func validate() throws {
        if let jobs, let problem = NumberBounds.jobs.problem(with: Double(jobs), name: "--jobs") { throw ValidationError(problem) }
        if let problem = NumberBounds.timeout.problem(with: timeout, name: "--timeout") { throw ValidationError(problem) }
        if check && force {
            throw ValidationError("--check writes nothing and runs nothing, --force re-runs every lesson: pass one of them")
        }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        guard let files = selection.files(in: layout) else { throw ExitCode(1) }
        var options = RunOptions()
        options.check = check
        options.force = force
        options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        options.keepGoing = keepGoing
        options.timeout = timeout
        options.optimize = optimized && !unoptimized
        options.seed = seed
        let status = RunAction(layout: layout, options: options, json: json).run(files)
        if status != 0 { throw ExitCode(status) }
    }
}
