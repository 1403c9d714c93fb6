import Foundation

/// Runs untrusted lesson programs (students' submissions) inside bubblewrap: no network, a read-only view of
/// the system, a private `/tmp`, its own process, IPC and UTS namespaces, and the instructor's files hidden.
///
/// The program's output folder is the only writable place. When `bwrap` is not installed, ``locate(hiding:)``
/// returns nil and the grader says so: programs then run with resource limits only.
public struct Sandbox: Sendable {
    /// Path of `bwrap`.
    public let bubblewrap: String
    /// Folders (replaced by empty ones) and files (read as empty) hidden inside the sandbox: instructor lessons,
    /// other submissions, the gradebook.
    public let hiddenPaths: [String]
    /// Folders the program needs even when they lie under `/tmp`, which is otherwise private and empty:
    /// the LessonKit library and the project the lesson runs in (a checkout under /tmp, as in CI).
    public let keptPaths: [String]

    /// Finds `bwrap` on `PATH` (or `/usr/bin`); nil when it is missing.
    public static func locate(hiding hiddenPaths: [String], keeping keptPaths: [String] = []) -> Sandbox? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/bwrap" } + ["/usr/bin/bwrap"]
        guard let bubblewrap = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        return Sandbox(bubblewrap: bubblewrap, hiddenPaths: hiddenPaths, keptPaths: keptPaths)
    }

    /// The command line that runs `executable` in the sandbox, with `writable` the only writable folder.
    func command(executable: String, writable: String) -> (String, [String]) {
        var arguments = [
            "--ro-bind", "/", "/",
            "--dev", "/dev",
            "--proc", "/proc",
            "--tmpfs", "/tmp",
        ]
        // Paths under /tmp that the program needs come back, read-only, before anything is hidden in them.
        for path in keptPaths.sorted() where path == "/tmp" || path.hasPrefix("/tmp/") {
            arguments += ["--ro-bind", path, path]
        }
        for path in hiddenPaths.sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            // A hidden folder becomes an empty one; a hidden file reads as empty.
            arguments += isDirectory.boolValue ? ["--tmpfs", path] : ["--ro-bind", "/dev/null", path]
        }
        arguments += [
            "--bind", writable, writable,
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
            "--new-session", "--die-with-parent",
            "--chdir", writable,
            "--", executable,
        ]
        return (bubblewrap, arguments)
    }
}
