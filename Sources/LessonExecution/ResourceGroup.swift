#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// The cgroups (v1 `pids` and `memory` controllers) that hold one graded submission: every process it starts
/// counts against one process limit and one memory limit, tmpfs pages included.
///
/// The program joins them before its first instruction: ``launchPrefix`` is a shell that writes its own pid
/// into both groups and only then `exec`s the sandbox, so nothing the submission forks can escape the count.
/// Needs root (the grader's usual case on a grading machine); elsewhere ``create(name:processes:memoryBytes:)``
/// returns nil and the grader says so.
public struct ResourceGroup: Sendable {
    /// The group folders, one per controller.
    public let paths: [String]

    static let roots = ["/sys/fs/cgroup/pids", "/sys/fs/cgroup/memory"]

    /// Creates the groups, or nil when cgroups v1 are not writable here.
    public static func create(name: String, processes: Int, memoryBytes: Int) -> ResourceGroup? {
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
        let written = group.write("\(processes)", to: "pids.max", in: made[0])
            && group.write("\(memoryBytes)", to: "memory.limit_in_bytes", in: made[1])
        // Where swap accounting exists, swap counts too (otherwise the limit only moves pages to swap).
        _ = group.write("\(memoryBytes)", to: "memory.memsw.limit_in_bytes", in: made[1])
        guard written else {
            group.destroy()
            return nil
        }
        return group
    }

    /// `sh -c '…' sh GROUP…`: joins every group, then runs the rest of the command line in them.
    public var launchPrefix: [String] {
        let joins = paths.indices.map { "echo $$ > \"$\($0 + 1)/cgroup.procs\"" }.joined(separator: " && ")
        return ["/bin/sh", "-c", "\(joins) || exit 125; shift \(paths.count); exec \"$@\"", "sh"] + paths
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

    /// Groups of graders that died before removing theirs (`lessons-PID-…` with PID no longer running).
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
