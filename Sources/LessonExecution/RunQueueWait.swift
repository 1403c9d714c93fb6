import Foundation

/// How long the processes of a group have waited for a CPU while ready to run (the kernel's `run_delay` of each
/// thread, `/proc/<tid>/schedstat`), so that a wall-clock backstop counts only time a program could have used:
/// on a machine busier than its cores, a program that computes waits in the run queue, while one that sleeps does
/// not. Threads that have ended keep the last wait seen.
final class RunQueueWait {
    private let tasksFile: String?
    private var seen: [Int32: Double] = [:]

    /// Follows the threads of `group` (CPU accounting's `tasks`); without it, waits are zero.
    init(group: ResourceGroup?) {
        tasksFile = group?.paths.first { $0.hasPrefix(ResourceGroup.cpuAccountingRoot + "/") }.map { $0 + "/tasks" }
    }

    /// Seconds every thread of the group has waited so far (never decreasing).
    func seconds() -> Double {
        guard let tasksFile, let text = try? String(contentsOfFile: tasksFile, encoding: .utf8) else {
            return seen.values.reduce(0, +)
        }
        for line in text.split(separator: "\n") {
            guard let thread = Int32(line),
                let stats = try? String(contentsOfFile: "/proc/\(thread)/schedstat", encoding: .utf8)
            else { continue }
            let fields = stats.split(separator: " ")
            guard fields.count >= 2, let waited = Double(fields[1]) else { continue }
            seen[thread] = max(seen[thread] ?? 0, waited / 1e9)
        }
        return seen.values.reduce(0, +)
    }
}
