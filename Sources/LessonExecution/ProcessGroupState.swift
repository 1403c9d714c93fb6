#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// Whether a killed process group is gone: a process that was sent SIGKILL may still be inside a system call (one
/// that creates a file, say) until the kernel has torn it down, so what it wrote is only final once no member of
/// its group is alive. A zombie (ended, not yet reaped by its parent) writes nothing and counts as gone.
enum ProcessGroupState {
    /// Whether process group `group` has a member that is not a zombie.
    static func hasLivingMembers(_ group: pid_t) -> Bool {
        guard kill(-group, 0) == 0 else { return false }
        #if os(Linux)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for name in entries where name.first?.isNumber == true {
            guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm) ": state, ppid, pgrp, ...
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, pid_t(fields[2]) == group else { continue }
            if fields[0] != "Z" && fields[0] != "X" { return true }
        }
        return false
        #else
        return true
        #endif
    }

    /// Waits until process group `group` has no living member, or until `deadline`; returns whether it is gone.
    @discardableResult
    static func waitUntilGone(_ group: pid_t, deadline: Date) -> Bool {
        while hasLivingMembers(group) {
            if Date() >= deadline { return false }
            usleep(5_000)
        }
        return true
    }
}
