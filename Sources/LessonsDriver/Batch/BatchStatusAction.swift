import Foundation
import Gradebook

/// `lessons grades status FOLDER`: each task of a batch job, from its gradebook and status file, while the array runs.
public enum BatchStatusAction {
    /// The report, one line per task and a total; nil (with the error said) when the folder holds no job.
    public static func report(folder: String) -> String? {
        let plan: BatchPlan
        do {
            plan = try BatchPlan.read(folder: folder)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return nil
        }
        let lessonName = plan.lessonName
        var lines: [String] = []
        var total = 0
        for task in 1...plan.tasks {
            let path = plan.shardGradebook(task)
            // Read while the task writes: SQLite gives a consistent snapshot.
            let graded = FileManager.default.fileExists(atPath: path)
                ? ((try? Gradebook(existingAt: path, shownAs: path).entries().filter { $0.report.lesson == lessonName }.count) ?? 0) : 0
            total += graded
            let state: String
            switch BatchTaskState.read(plan, task: task) {
            case .ended(0): state = "done"
            case .ended(let code): state = "failed (exit \(code))"
            case .notEnded: state = graded > 0 ? "running" : "waiting"
            }
            lines.append("task \(task): \(graded) of \(plan.expected[task - 1]) graded, \(state)")
        }
        let expected = plan.expected.reduce(0, +)
        var merge = "not merged yet"
        if let verdict = try? String(contentsOfFile: plan.mergeStatusFile, encoding: .utf8) {
            merge = "merge: " + verdict.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        lines.append("all: \(total) of \(expected) graded; \(merge)")
        return lines.joined(separator: "\n") + "\n"
    }
}
