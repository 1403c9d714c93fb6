#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// Runs untrusted programs (students' submissions) inside bubblewrap, with least privilege and an allow-list:
///
/// - an unprivileged user: as root, the grader drops to a user of the run's own (``SandboxUser``, through
///   `setpriv`) before starting `bwrap`, which then
///   has no capability on the host, makes a user namespace of its own, drops every capability inside it
///   (`--cap-drop ALL`) and forbids further user namespaces (`--disable-userns`);
/// - only what the program needs is visible: the system's libraries (`/usr`), the Swift runtime, LessonKit
///   and the course's data (copies in a ``SandboxImage``), the program itself (handed over as a descriptor);
///   nothing else of the host: no project, no lessons, no gradebook, no other student, no host sockets;
/// - a size-limited tmpfs as its working folder and as `/tmp`; no network, its own process, IPC, UTS and
///   cgroup namespaces, a new session, and death with the grader;
/// - exactly the environment it is given (`--clearenv`), and no descriptor but its own pipes.
public struct Sandbox: Sendable {
    /// Path of `bwrap`.
    public let bubblewrap: String
    /// Path of `setpriv`, used to drop to a ``SandboxUser`` when the grader runs as root.
    public let setpriv: String?
    /// Host folders and files visible read-only at their own paths.
    public var readOnlyPaths: [String]
    /// Files and folders from the sandbox image, visible read-only at another path: (image path, path inside).
    public var imageMounts: [(source: String, target: String)]
    /// Size of the writable working folder, bytes.
    public var scratchBytes = 64 << 20
    /// Size of `/tmp`, bytes.
    public var temporaryBytes = 64 << 20

    /// Finds `bwrap` (and `setpriv`) on `PATH` or in `/usr/bin`; nil when bubblewrap is missing.
    public static func locate(readOnlyPaths: [String], imageMounts: [(source: String, target: String)]) -> Sandbox? {
        guard let bubblewrap = find("bwrap") else { return nil }
        return Sandbox(
            bubblewrap: bubblewrap, setpriv: find("setpriv"), readOnlyPaths: readOnlyPaths, imageMounts: imageMounts)
    }

    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/\(name)" } + ["/usr/bin/\(name)", "/bin/\(name)"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether the program will run as an unprivileged user (the grader is root and can drop to a
    /// ``SandboxUser``, or the grader is itself unprivileged).
    public var runsUnprivileged: Bool { geteuid() != 0 || setpriv != nil }

    /// The command line that runs the program read from descriptor `executableDescriptor` (of the child) as
    /// `programPath` inside the sandbox, in a writable tmpfs at `workingDirectory`, with `environment` only, as
    /// `user` when the grader is root.
    public func command(
        executableDescriptor: Int32, programPath: String, workingDirectory: String, environment: [String: String],
        user: SandboxUser = .next()
    ) -> [String] {
        var arguments: [String] = []
        if geteuid() == 0, let setpriv {
            arguments += [setpriv, "--reuid=\(user.id)", "--regid=\(user.id)", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs"]
        }
        arguments += [
            bubblewrap,
            "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--disable-userns", "--cap-drop", "ALL", "--new-session", "--die-with-parent",
            "--proc", "/proc", "--dev", "/dev",
        ]
        // The system's top-level links (`/lib -> usr/lib` on merged-/usr systems) or folders.
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: top) {
                arguments += ["--symlink", target, top]
            } else if FileManager.default.fileExists(atPath: top) {
                arguments += ["--ro-bind", top, top]
            }
        }
        // The system's programs and libraries, and what the dynamic linker reads to find them.
        arguments += ["--ro-bind", "/usr", "/usr"]
        for path in ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives"] {
            arguments += ["--ro-bind-try", path, path]
        }
        for path in readOnlyPaths.sorted() where FileManager.default.fileExists(atPath: path) {
            arguments += ["--ro-bind", path, path]
        }
        arguments += ["--size", String(temporaryBytes), "--tmpfs", "/tmp"]
        arguments += ["--size", String(scratchBytes), "--tmpfs", workingDirectory]
        for mount in imageMounts.sorted(by: { $0.target < $1.target }) {
            arguments += ["--ro-bind", mount.source, mount.target]
        }
        arguments += ["--perms", "0555", "--file", String(executableDescriptor), programPath]
        arguments += ["--chdir", workingDirectory, "--clearenv"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["--setenv", name, value]
        }
        arguments += ["--", programPath]
        return arguments
    }
}
