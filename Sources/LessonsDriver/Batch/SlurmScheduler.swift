import Foundation
import LessonExecution

/// Slurm's commands as the grader uses them: `sbatch` to submit, `squeue` to see whether a job is still queued or
/// running. (Without an accounting daemon `sacct` knows nothing, so the end of a job is read from `squeue` and from
/// the files the job writes.)
struct SlurmScheduler: Sendable {
    /// Runs `command` with `arguments`; returns its exit status and its output (both streams).
    var run: @Sendable (_ command: String, _ arguments: [String]) -> (status: Int32, output: String) = Self.runProcess

    /// Submits `script` with `options`; returns the job id.
    func submit(_ script: String, options: [String] = []) throws(BatchError) -> String {
        let arguments = ["--parsable"] + options + [script]
        let (status, output) = run("sbatch", arguments)
        // `--parsable` prints `<id>` or `<id>;<cluster>`.
        let id = output.split(whereSeparator: \.isNewline).last.map { String($0.split(separator: ";")[0]) } ?? ""
        guard status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw .schedulerFailed((["sbatch"] + arguments).joined(separator: " "), output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return id
    }

    /// Whether job `id` (or any task of array `id`) is pending, running, completing, suspended or requeued.
    func isActive(_ id: String) -> Bool {
        let (status, output) = run("squeue", ["--noheader", "--jobs", id, "--format", "%T"])
        // A job Slurm no longer knows ("Invalid job id specified") has ended long ago.
        guard status == 0 else { return false }
        return output.split(whereSeparator: \.isNewline).contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// Waits until job `id` has left the queue, checking every `interval` seconds.
    func wait(for id: String, interval: Double = 2) {
        while isActive(id) { Thread.sleep(forTimeInterval: interval) }
    }

    private static func runProcess(_ command: String, _ arguments: [String]) -> (status: Int32, output: String) {
        // Through `env`, which finds the command in PATH; reaped at once (``CommandRunner``), not every 50 ms.
        let outcome: CommandRunner.Outcome
        do {
            outcome = try CommandRunner.run("/usr/bin/env", arguments: [command] + arguments)
        } catch {
            return (127, "cannot run \(command): \(error)")
        }
        if outcome.status == 127 { return (127, "\(command) is not installed (Slurm's client: apt-get install slurm-client)") }
        return (outcome.status, outcome.output)
    }
}
