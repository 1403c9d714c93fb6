import Foundation

/// How long the processes of a group have waited for a CPU while ready to run (the kernel's `run_delay` of each
/// thread, `/proc/<tid>/schedstat`), so that a wall-clock backstop counts only time a program could have used:
/// on a machine busier than its cores, a program that computes waits in the run queue, while one that sleeps does
/// not. Threads that have ended keep the last wait seen.
final class RunQueueWait {
    private let tasksFile: String?
    private let mainThread: Int32?
    private var seen: [Int32: Double] = [:]

    /// Follows the threads of `group` (CPU accounting's `tasks`); without it, waits are zero.
    init(group: ResourceGroup?) {
        tasksFile = group?.paths.first { $0.hasPrefix(ResourceGroup.cpuAccountingRoot + "/") }.map { $0 + "/tasks" }
        mainThread = nil
    }

    /// Follows one thread only: the main thread of process `pid`, where a lesson program runs its cells. One
    /// thread's wait never exceeds the wall clock, however many processes the program forks.
    init(mainThreadOf pid: Int32) {
        tasksFile = nil
        mainThread = pid
    }

    /// Seconds every followed thread has waited so far (never decreasing).
    func seconds() -> Double {
        if let mainThread {
            record(mainThread)
            return seen.values.reduce(0, +)
        }
        guard let tasksFile, let text = try? String(contentsOfFile: tasksFile, encoding: .utf8) else {
            return seen.values.reduce(0, +)
        }
        for line in text.split(separator: "\n") {
            if let thread = Int32(line) { record(thread) }
        }
        return seen.values.reduce(0, +)
    }

    private func record(_ thread: Int32) {
        guard let stats = try? String(contentsOfFile: "/proc/\(thread)/schedstat", encoding: .utf8) else { return }
        let fields = stats.split(separator: " ")
        guard fields.count >= 2, let waited = Double(fields[1]) else { return }
        seen[thread] = max(seen[thread] ?? 0, waited / 1e9)
    }
}
