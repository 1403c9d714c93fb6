import Foundation

/// Counts what `RLIMIT_NPROC` counts for a user: its tasks (threads included) on the host, from `/proc`.
enum TaskCount {
    /// The tasks whose real user is `user` (0 where `/proc` cannot be read).
    static func ofUser(_ user: uid_t) -> Int {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var count = 0
        for entry in entries where entry.first?.isNumber == true {
            guard let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8) else { continue }
            var realUser: uid_t?
            var threads = 1
            for line in status.split(separator: "\n") {
                if line.hasPrefix("Uid:") {
                    realUser = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap { uid_t($0) }
                } else if line.hasPrefix("Threads:") {
                    threads = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last.flatMap { Int($0) } ?? 1
                }
            }
            if realUser == user { count += threads }
        }
        return count
    }
}
