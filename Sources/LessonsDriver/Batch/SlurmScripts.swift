/// The two job scripts of a Slurm grading job: an array whose task I grades share I of the submissions into its
/// own gradebook, and a merge job (submitted to run after every task, however it ended) that combines them.
public struct SlurmScripts: Sendable {
    public var plan: BatchPlan
    /// CPUs each task asks for (and grades that many submissions at a time).
    public var cpusPerTask = 2
    /// `--partition`, if any.
    public var partition: String?
    /// `--time` of each task, if any (Slurm's formats: minutes, `MM:SS`, `HH:MM:SS`, `D-HH`).
    public var time: String?

    /// Creates the scripts of `plan`.
    public init(plan: BatchPlan) { self.plan = plan }

    /// Quotes `text` for the shell.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private var commonDirectives: [String] {
        (partition.map { ["#SBATCH --partition=\($0)"] } ?? []) + (time.map { ["#SBATCH --time=\($0)"] } ?? [])
    }

    /// The array job: `sbatch array.sh`.
    public var array: String {
        let lessonName = plan.lessonName
        var lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=lessons-grade-\(lessonName)",
            "#SBATCH --array=1-\(plan.tasks)",
            "#SBATCH --cpus-per-task=\(cpusPerTask)",
            "#SBATCH --output=\(plan.folder)/logs/task-%a.log",
            "#SBATCH --requeue",
        ] + commonDirectives
        let q = Self.quoted
        let grade = [q(plan.executable), "grade", "--lesson", q(plan.lesson)] + plan.submissions.map(q)
            + ["--shard", "\"$task/\(plan.tasks)\"", "--gradebook", q(plan.folder + "/shards/task-") + "\"$task\".sqlite",
                "--jobs", "\"${SLURM_CPUS_PER_TASK:-1}\""] + plan.gradeOptions.map(q)
        lines += [
            "# Written by `lessons grade --slurm`. Task I grades its share of the submissions (by expected work) into its",
            "# own gradebook. A task that runs again (requeued, or resubmitted with `sbatch --array=I`) skips what it",
            "# has already graded; its status file says how it ended, for the merge job.",
            "set -u",
            "task=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch}\"",
            "status=\(q(plan.folder + "/status/task-"))\"$task\"",
            "rm -f \"$status\"",
            "cd \(q(plan.projectRoot)) || exit 1",
            grade.joined(separator: " "),
            "code=$?",
            "printf '%s\\n' \"$code\" > \"$status.tmp\" && mv \"$status.tmp\" \"$status\"",
            "exit \"$code\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The merge job: `sbatch --dependency=afterany:<array> merge.sh`.
    public var merge: String {
        let lessonName = plan.lessonName
        let lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=lessons-merge-\(lessonName)",
            "#SBATCH --output=\(plan.folder)/logs/merge.log",
        ] + commonDirectives + [
            "# Written by `lessons grade --slurm`. Runs after every task of the array has ended, however it ended: merges",
            "# their gradebooks and says which tasks failed (exit 1 if any did). Run it again after resubmitting a task.",
            "cd \(Self.quoted(plan.projectRoot)) || exit 1",
            "exec \(Self.quoted(plan.executable)) grades merge --plan \(Self.quoted(plan.folder))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
