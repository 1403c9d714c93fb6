#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// The cgroups (v1 `pids` and, for a graded submission, `memory` controllers) that hold one lesson program: every
/// process it starts counts against one process limit and one memory limit, tmpfs pages included.
///
/// A submission joins them before its first instruction: ``launchPrefix`` is a shell that writes its own pid
/// into the groups and only then `exec`s the sandbox, so nothing the submission forks can escape the count. A
/// lesson run's program joins its `pids` group itself (``processCountPath``), since root ignores `RLIMIT_NPROC`.
/// Needs root; elsewhere ``create(name:processes:memoryBytes:)`` returns nil (the grader says so).
public struct ResourceGroup: Sendable {
    /// The group folders, one per controller.
    public let paths: [String]

    static let processRoot = "/sys/fs/cgroup/pids"
    static let memoryRoot = "/sys/fs/cgroup/memory"
    static let cpuAccountingRoot = "/sys/fs/cgroup/cpuacct"

    /// The `pids` group's folder (a lesson program joins it through `LESSONS_PIDS_CGROUP`).
    public var processCountPath: String { paths[0] }

    /// Creates the groups (a memory group only when `memoryBytes` is given), or nil when cgroups v1 are not
    /// writable here.
    public static func create(name: String, processes: Int, memoryBytes: Int? = nil) -> ResourceGroup? {
        let roots = memoryBytes == nil ? [processRoot] : [processRoot, memoryRoot]
        guard roots.allSatisfy({ FileManager.default.isWritableFile(atPath: $0) }) else { return nil }
        var made: [String] = []
        for root in roots {
            destroyAbandonedGroups(in: root)
            let path = "\(root)/lessons-\(getpid())-\(name)"
            rmdir(path)
            guard mkdir(path, 0o755) == 0 else {
                ResourceGroup(paths: made).destroy()
                return nil
            }
            made.append(path)
        }
        let group = ResourceGroup(paths: made)
        var written = group.write("\(processes)", to: "pids.max", in: made[0])
        if let memoryBytes {
            written = written && group.write("\(memoryBytes)", to: "memory.limit_in_bytes", in: made[1])
            // Where swap accounting exists, swap counts too (otherwise the limit only moves pages to swap).
            _ = group.write("\(memoryBytes)", to: "memory.memsw.limit_in_bytes", in: made[1])
        }
        guard written else {
            group.destroy()
            return nil
        }
        // CPU accounting where the controller is mounted: limits in CPU time, so a busy machine costs nobody points.
        if FileManager.default.isWritableFile(atPath: cpuAccountingRoot) {
            destroyAbandonedGroups(in: cpuAccountingRoot)
            let path = "\(cpuAccountingRoot)/lessons-\(getpid())-\(name)"
            rmdir(path)
            if mkdir(path, 0o755) == 0 { return ResourceGroup(paths: made + [path]) }
        }
        return group
    }

    /// CPU time used by every process of the group so far, in seconds (nil without CPU accounting).
    public var cpuSeconds: Double? {
        guard let path = paths.first(where: { $0.hasPrefix(Self.cpuAccountingRoot + "/") }),
            let text = try? String(contentsOfFile: path + "/cpuacct.usage", encoding: .utf8),
            let nanoseconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return nanoseconds / 1e9
    }

    /// `sh -c '…' sh GROUP…`: joins every group, then runs the rest of the command line in them.
    public var launchPrefix: [String] {
        let joins = paths.indices.map { "echo $$ > \"$\($0 + 1)/cgroup.procs\"" }.joined(separator: " && ")
        return ["/bin/sh", "-c", "\(joins) || exit 125; shift \(paths.count); exec \"$@\"", "sh"] + paths
    }

    /// Moves process `pid` (and so everything it starts later) into the groups.
    func add(_ pid: Int32) {
        for path in paths { _ = write("\(pid)", to: "cgroup.procs", in: path) }
    }

    /// Whether the memory limit was reached (the kernel killed a process of the group for it).
    public var hitMemoryLimit: Bool {
        guard let path = paths.first(where: { $0.contains("/memory/") }),
            let text = try? String(contentsOfFile: path + "/memory.failcnt", encoding: .utf8)
        else { return false }
        return (Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0
    }

    /// Kills every process in the groups and removes them.
    public func destroy() {
        for path in paths {
            for _ in 0..<100 {
                let members = (try? String(contentsOfFile: path + "/cgroup.procs", encoding: .utf8)) ?? ""
                let pids = members.split(separator: "\n").compactMap { Int32($0) }
                if pids.isEmpty { break }
                for pid in pids { kill(pid, SIGKILL) }
                usleep(5_000)
            }
            rmdir(path)
        }
    }

    /// Groups of runners that died before removing theirs (`lessons-PID-…` with PID no longer running), with any
    /// process still in them.
    private static func destroyAbandonedGroups(in root: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        for name in names where name.hasPrefix("lessons-") {
            guard let creator = name.dropFirst("lessons-".count).split(separator: "-").first.flatMap({ pid_t($0) }),
                creator != getpid(), kill(creator, 0) != 0, errno == ESRCH
            else { continue }
            ResourceGroup(paths: ["\(root)/\(name)"]).destroy()
        }
    }

    private func write(_ value: String, to file: String, in folder: String) -> Bool {
        let descriptor = open(folder + "/" + file, O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array((value + "\n").utf8)
        return Glibc.write(descriptor, bytes, bytes.count) == bytes.count
    }
}
