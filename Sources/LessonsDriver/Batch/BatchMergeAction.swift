import FileSafety
import Foundation
import Gradebook

/// `lessons grades merge --plan FOLDER`, the merge job of `lessons grade --slurm`: merges every task's gradebook that
/// exists (a task that failed still graded some submissions, each whole), checks that each submission of the job is
/// in the merged gradebook once, and writes its verdict to the job's status folder: `ok`, or which tasks failed.
/// Running it again (after a resubmitted task) merges again; nothing is counted twice.
public enum BatchMergeAction {
    /// Merges; returns the exit code (1 when a task failed or a submission is missing).
    public static func run(folder: String) -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        let plan: BatchPlan
        do {
            plan = try BatchPlan.read(folder: folder)
        } catch {
            say("error: \(error)")
            return 1
        }
        var problems: [String] = []
        for task in 1...plan.tasks {
            switch BatchTaskState.read(plan, task: task) {
            case .ended(0): break
            case .ended(let code): problems.append("task \(task) exited with status \(code)")
            case .notEnded: problems.append("task \(task) did not finish")
            }
        }
        let shards = (1...plan.tasks).map(plan.shardGradebook).filter { FileManager.default.fileExists(atPath: $0) }
        let lessonName = plan.lessonName
        do {
            try GradesActions.merge(into: URL(fileURLWithPath: plan.gradebook), shards: shards.map { URL(fileURLWithPath: $0) })
            var students: Set<String> = []
            for shard in shards {
                let entries = try Gradebook(existingAt: shard, shownAs: shard).entries()
                students.formUnion(entries.filter { $0.report.lesson == lessonName }.map(\.report.student))
            }
            let graded = students.count
            let expected = plan.expected.reduce(0, +)
            if graded < expected { problems.append("\(expected - graded) of \(expected) submissions are not graded") }
            say("merged \(shards.count) of \(plan.tasks) task gradebooks into \(plan.gradebook): \(graded) of \(expected) submissions graded")
        } catch {
            problems.append("the merge failed: \(error)")
        }
        let verdict = problems.isEmpty ? "ok: every task ended and every submission is graded\n"
            : "failed: " + problems.joined(separator: "; ") + "\n"
        do {
            try AtomicFile.write(Array(verdict.utf8), to: URL(fileURLWithPath: plan.mergeStatusFile))
        } catch {
            say("error: \(error)")
            return 1
        }
        say(verdict.trimmingCharacters(in: .newlines))
        return problems.isEmpty ? 0 : 1
    }
}
