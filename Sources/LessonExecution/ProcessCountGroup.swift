import Foundation

/// A cgroup (v1 `pids` controller) that caps how many processes a lesson program can create.
///
/// `RLIMIT_NPROC` does not bind processes of the root user; when the runner runs as root (containers, CI), it
/// puts each lesson program into a group of its own when `/sys/fs/cgroup/pids` is writable.
struct ProcessCountGroup {
    let path: String

    /// Creates a group allowing `limit` processes, or nil when cgroups are not available here.
    static func create(limit: Int, name: String) -> ProcessCountGroup? {
        let root = "/sys/fs/cgroup/pids"
        guard FileManager.default.isWritableFile(atPath: root) else { return nil }
        destroyAbandonedGroups(in: root)
        let path = "\(root)/lessons-\(name)"
        do {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try "\(limit)\n".write(toFile: path + "/pids.max", atomically: false, encoding: .utf8)
        } catch {
            return nil
        }
        return ProcessCountGroup(path: path)
    }

    /// Destroys the groups of runners that were killed before they could destroy their own, with any lesson
    /// process still in them. A group's name starts with the pid of the runner that made it (`lessons-PID-...`).
    private static func destroyAbandonedGroups(in root: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix("lessons-") {
            guard let creator = name.dropFirst("lessons-".count).split(separator: "-").first.flatMap({ pid_t($0) }),
                creator != getpid(), kill(creator, 0) != 0, errno == ESRCH
            else { continue }
            ProcessCountGroup(path: "\(root)/\(name)").destroy()
        }
    }

    /// Moves process `pid` (and so everything it starts later) into the group.
    func add(_ pid: pid_t) {
        try? "\(pid)\n".write(toFile: path + "/cgroup.procs", atomically: false, encoding: .utf8)
    }

    /// Kills every process left in the group and removes it.
    func destroy() {
        for _ in 0..<50 {
            let members = (try? String(contentsOfFile: path + "/cgroup.procs", encoding: .utf8)) ?? ""
            let pids = members.split(separator: "\n").compactMap { Int32($0) }
            if pids.isEmpty { break }
            for pid in pids { kill(pid, SIGKILL) }
            usleep(10_000)
        }
        rmdir(path)
    }
}
