import FileSafety
import Foundation
import LessonParsing

/// `lessons grade --slurm N`: validates the instructor's solution, splits the submissions into N tasks by expected
/// work, writes the job (`plan.json`, `array.sh`, `merge.sh`) into its folder, and with `--submit` submits the array
/// and a merge job that runs after it (`--dependency=afterany`); with `--wait`, waits for the merge and fails if any
/// task did.
public struct SlurmGradeAction: Sendable {
    public let layout: ProjectLayout
    public let grade: GradeOptions
    public let slurm: SlurmOptions
    var scheduler = SlurmScheduler()

    /// Creates the action.
    public init(layout: ProjectLayout, grade: GradeOptions, slurm: SlurmOptions) {
        self.layout = layout
        self.grade = grade
        self.slurm = slurm
    }

    /// Writes (and submits) the job; returns the exit code.
    public func run() -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        // The instructor's solution must earn every point before thousands of submissions are queued.
        var validation = grade
        validation.validateOnly = true
        validation.submissions = []
        guard GradeAction(layout: layout, options: validation).run() == 0 else { return 1 }

        let lessonName = (grade.lesson.lastPathComponent as NSString).deletingPathExtension
        let files: [SubmissionFile]
        do {
            let search = try SubmissionSearch(paths: grade.submissions, lessonName: lessonName, displayPath: layout.displayPath(of:))
            search.warnings.forEach { say("warning: \($0)") }
            files = search.found
        } catch {
            say("error: \(error)")
            return 1
        }
        let folder = URL(fileURLWithPath: slurm.folder ?? "batch/\(lessonName)").standardizedFileURL.path
        if let bad = folder.first(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "%" || $0 == "\\" }) {
            say("error: \(folder): the job's folder may not contain \(bad == " " ? "spaces" : "'\(bad)'") (Slurm reads its paths from #SBATCH lines)")
            return 1
        }
        let weights = files.map { ShardPlan.weight(bytes: ShardPlan.bytes(of: $0)) }
        let shares = ShardPlan.assign(weights: weights, keys: files.map(\.student), count: slurm.tasks)
        var options: [String] = ["--timeout", String(grade.timeout), "--compile-budget", String(grade.compileBudget)]
        if grade.optimize { options.append("--optimized") }
        if grade.force { options.append("--force") }
        let plan = BatchPlan(
            lesson: grade.lesson.standardizedFileURL.path, submissions: grade.submissions.map(\.standardizedFileURL.path),
            gradebook: grade.gradebook.standardizedFileURL.path, tasks: slurm.tasks, expected: shares.map(\.count),
            folder: folder, executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path,
            projectRoot: layout.root.standardizedFileURL.path, gradeOptions: options)
        var scripts = SlurmScripts(plan: plan)
        scripts.cpusPerTask = slurm.cpusPerTask
        scripts.partition = slurm.partition
        scripts.time = slurm.time
        do {
            try Self.write(plan: plan, scripts: scripts)
        } catch {
            say("error: \(error)")
            return 1
        }
        let shown = layout.displayPath(of: URL(fileURLWithPath: folder))
        say("wrote \(shown)/array.sh (\(slurm.tasks) tasks: \(shares.map { String($0.count) }.joined(separator: ", ")) submissions) and \(shown)/merge.sh")
        guard slurm.submit else {
            say("submit with: id=$(sbatch --parsable \(shown)/array.sh) && sbatch --dependency=afterany:$id \(shown)/merge.sh")
            return 0
        }
        let arrayID: String
        let mergeID: String
        do {
            arrayID = try scheduler.submit(folder + "/array.sh")
            mergeID = try scheduler.submit(folder + "/merge.sh", options: ["--dependency=afterany:\(arrayID)"])
        } catch {
            say("error: \(error)")
            return 1
        }
        try? Data("array \(arrayID)\nmerge \(mergeID)\n".utf8).write(to: URL(fileURLWithPath: folder + "/status/jobs"))
        // Standard output: the ids, for scripts.
        print("array \(arrayID)")
        print("merge \(mergeID)")
        say("submitted array job \(arrayID) (\(slurm.tasks) tasks) and merge job \(mergeID) after it; progress: lessons grades status \(shown)")
        guard slurm.wait else { return 0 }
        scheduler.wait(for: mergeID)
        guard let verdict = try? String(contentsOfFile: plan.mergeStatusFile, encoding: .utf8) else {
            say("error: the merge job \(mergeID) ended without a verdict (cancelled?): see \(shown)/logs/merge.log")
            return 1
        }
        say(verdict.trimmingCharacters(in: .whitespacesAndNewlines))
        return verdict.hasPrefix("ok") ? 0 : 1
    }

    /// Writes the plan and scripts, and empties the job's status folder (a previous run's statuses would be read as
    /// this one's); the shard gradebooks stay, so a task graded before skips what has not changed.
    static func write(plan: BatchPlan, scripts: SlurmScripts) throws(BatchError) {
        let fileManager = FileManager.default
        do {
            for sub in ["", "/logs", "/shards", "/status"] {
                try fileManager.createDirectory(atPath: plan.folder + sub, withIntermediateDirectories: true)
            }
            for name in try fileManager.contentsOfDirectory(atPath: plan.folder + "/status") {
                try fileManager.removeItem(atPath: plan.folder + "/status/" + name)
            }
        } catch {
            throw .cannotWrite(plan.folder, "\(error)")
        }
        let files: [(String, Data, Int16)]
        do {
            files = [
                (BatchPlan.file(in: plan.folder), try plan.encoded(), 0o644),
                (plan.folder + "/array.sh", Data(scripts.array.utf8), 0o755),
                (plan.folder + "/merge.sh", Data(scripts.merge.utf8), 0o755),
            ]
        } catch {
            throw .cannotWrite(plan.folder, "\(error)")
        }
        for (path, data, mode) in files {
            do {
                try AtomicFile.write(Array(data), to: URL(fileURLWithPath: path))
                try fileManager.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            } catch {
                throw .cannotWrite(path, "\(error)")
            }
        }
    }
}
