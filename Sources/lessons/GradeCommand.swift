import ArgumentParser
import Foundation
import LessonModel
import LessonsDriver

/// `lessons grade`: autograde submissions.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Autograde submissions of a lesson in a sandbox and record the results in the gradebook.",
        discussion: """
            SUBMISSIONS are files or folders of <student>/<lesson>.md. Each student's exercise cells are put \
            into the instructor's lesson (locked cells come from the instructor; changes to them are reported \
            as tampering) and run once inside bubblewrap, as an unprivileged user, seeing only the system's \
            libraries and the course's data, with no network. The submission only computes the values the \
            tests examine; a checker built from the instructor's lesson alone judges them (docs/grading.md). \
            Before any student, the instructor's own solution is graded and must earn every point \
            (--validate does only that; --validate --all for every lesson with exercises, writing no \
            gradebook). A broken exercise costs only its own tests; each test cell is scored \
            on its own. \
            A submission already graded by the same tests is skipped unless --force. \
            A submission must be a regular file of its own, at most 2 MiB, in a real folder: a symbolic link, \
            a FIFO, a device, a socket or a file with other hard links is recorded at 0 points with the reason. \
            Every student folder is graded (names starting with "." too); a folder without <lesson>.md, or \
            anything else in a submissions folder, is reported. A path that does not exist, one student \
            found twice, or nothing to grade at all is an error.
            """
    )

    @Option(help: "The instructor's lesson.")
    var lesson: String?

    @Flag(help: "With --validate: every lesson in Lessons/ that has exercises (for a course's CI).")
    var all = false

    @Argument(help: "Submission files, or folders of <student>/<lesson>.md.")
    var submissions: [String] = []

    @Option(help: "The SQLite gradebook.")
    var gradebook = "gradebook.sqlite"

    @Option(help: "How many submissions to grade at the same time.")
    var jobs = 1

    @Flag(help: "Grade again even when nothing changed.")
    var force = false

    @Option(help: "Grade only slice I of N (I/N, 1-based), for batch systems; combine with `lessons grades merge`.")
    var shard: String?

    @Option(help: "Default per-cell timeout in seconds.")
    var timeout: Double = 60

    @Option(help: "CPU seconds all compiles of one submission may take together (a submission over it gets 0 with the reason).")
    var compileBudget: Double = 60

    @Flag(help: "Compile submissions with -O (slower to compile; for assignments whose own cells compute heavily).")
    var optimized = false

    @Flag(name: .customLong("validate"), help: "Only grade the instructor's solution as a submission: exit 1 unless it earns every point.")
    var validateOnly = false

    @Option(help: ArgumentHelp(
        "Write a Slurm job array of N tasks (and a merge job after it) instead of grading here.",
        discussion: "Task I runs `lessons grade --shard I/N` into its own gradebook in the job's folder; the merge job "
            + "(--dependency=afterany) runs `lessons grades merge --plan` and says which tasks failed. The folder, the "
            + "course and this `lessons` must be on storage every node sees at the same paths.",
        valueName: "N"))
    var slurm: Int?

    @Option(help: "With --slurm: the job's folder (default batch/<lesson>).")
    var batchFolder: String?

    @Option(help: "With --slurm: the partition to submit to.")
    var partition: String?

    @Option(help: "With --slurm: each task's time limit, in Slurm's format (e.g. 30, 1:00:00).")
    var time: String?

    @Option(help: "With --slurm: CPUs per task (each task grades that many submissions at a time).")
    var cpusPerTask = 2

    @Flag(help: "With --slurm: submit the array and the merge job with sbatch, and print their job ids.")
    var submit = false

    @Flag(help: "With --submit: wait for the merge job; exit 1 if any task failed.")
    var wait = false

    func validate() throws {
        if let problem = NumberBounds.jobs.problem(with: Double(jobs), name: "--jobs") { throw ValidationError(problem) }
        if let problem = NumberBounds.timeout.problem(with: timeout, name: "--timeout") { throw ValidationError(problem) }
        if let problem = NumberBounds.timeout.problem(with: compileBudget, name: "--compile-budget") { throw ValidationError(problem) }
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
                throw ValidationError("--shard must be I/N with 1 <= I <= N, e.g. 2/8")
            }
        }
        if all && !validateOnly { throw ValidationError("--all grades no submission: it goes with --validate") }
        if let slurm {
            guard (1...10_000).contains(slurm) else { throw ValidationError("--slurm must be a number of tasks from 1 to 10000") }
            if shard != nil || validateOnly || all { throw ValidationError("--slurm writes a job of its own: leave out --shard, --validate and --all") }
            guard (1...1024).contains(cpusPerTask) else { throw ValidationError("--cpus-per-task must be from 1 to 1024") }
            if wait && !submit { throw ValidationError("--wait waits for the jobs --submit submits: add --submit") }
        } else if batchFolder != nil || partition != nil || time != nil || submit || wait || cpusPerTask != 2 {
            throw ValidationError("--batch-folder, --partition, --time, --cpus-per-task, --submit and --wait go with --slurm N")
        }
        for (name, value) in [("--partition", partition), ("--time", time)] {
            if let value, value.isEmpty || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_:,.".contains($0)) }) {
                throw ValidationError("\(name) '\(value)' is not a Slurm \(name.dropFirst(2)) (letters, digits, - _ : , .)")
            }
        }
        if (lesson == nil) == !all { throw ValidationError("name the lesson with --lesson, or pass --validate --all") }
        if submissions.isEmpty && !validateOnly { throw ValidationError("name at least one submission file or folder") }
        if !submissions.isEmpty && validateOnly { throw ValidationError("--validate grades no submission: leave them out") }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        if all {
            guard let files = LessonSelection.every(in: layout) else { throw ExitCode(1) }
            let status = CourseAssignments.each(files, layout: layout, failing: "cannot be graded") { file in
                GradeAction(layout: layout, options: options(for: file)).run()
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard let lesson, let file = LessonSelection.single(lesson, in: layout) else { throw ExitCode(1) }
        if let slurm {
            var job = SlurmOptions(tasks: slurm)
            job.folder = batchFolder
            job.partition = partition
            job.time = time
            job.cpusPerTask = cpusPerTask
            job.submit = submit
            job.wait = wait
            let status = SlurmGradeAction(layout: layout, grade: options(for: file), slurm: job).run()
            if status != 0 { throw ExitCode(status) }
            return
        }
        let status = GradeAction(layout: layout, options: options(for: file)).run()
        if status != 0 { throw ExitCode(status) }
    }

    /// The options of grading `file`.
    private func options(for file: URL) -> GradeOptions {
        var options = GradeOptions(
            lesson: file, submissions: submissions.map { URL(fileURLWithPath: $0) },
            gradebook: URL(fileURLWithPath: gradebook))
        options.jobs = jobs
        options.force = force
        options.timeout = timeout
        options.optimize = optimized
        options.compileBudget = compileBudget
        options.validateOnly = validateOnly
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            options.shard = (parts[0], parts[1])
        }
        return options
    }
}
