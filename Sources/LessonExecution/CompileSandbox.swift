#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// Where a submission's program is compiled: the compiler reads the student's source, so it runs like the program
/// does, as a user of its own inside bubblewrap, in cgroups, with a CPU-time budget for every compile of the
/// submission together (a recompile that stubs a broken exercise counts in the same budget).
///
/// Inside, the compiler sees the system (`/usr`), the toolchain, LessonKit's modules and library, and its own work
/// folder (writable, owned by its user); nothing else of the host. The budget is CPU time of the group (`cpuacct`)
/// where the machine accounts it; each compiler process is also limited with `RLIMIT_CPU` to what is left.
public final class CompileSandbox: @unchecked Sendable {
    /// CPU seconds all compiles of one submission may use.
    public let budgetSeconds: Double
    private let sandbox: Sandbox?
    private let readOnlyPaths: [String]
    private let group: ResourceGroup?
    private let user: SandboxUser
    private let lock = NSLock()
    private var usedWithoutAccounting = 0.0
    /// The compiler's own folder, in a temporary folder its user can reach whatever `TMPDIR` is; owned by it.
    let scratch: String?
    /// Where the compiler finds its copy of the grader's module cache (nil: it starts cold).
    let moduleCachePath: String?

    /// A sandbox for the compiles of one submission; call ``close()`` when its compiles are done.
    /// `moduleCache` (built by the grader) gives each compile warm Clang modules of its own.
    public init(
        sandbox: Sandbox?, toolchain: Toolchain, lessonKit: LessonKitLocation, budgetSeconds: Double, memoryBytes: Int,
        moduleCache: ModuleCacheSeed? = nil
    ) {
        self.budgetSeconds = budgetSeconds
        self.user = SandboxUser.next()
        let toolchainRoot = URL(fileURLWithPath: toolchain.compiler).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let readOnlyPaths = [toolchainRoot, lessonKit.libraryDirectory, lessonKit.moduleDirectory]
            + lessonKit.moduleMaps.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        self.readOnlyPaths = readOnlyPaths
        // The compiler's user must reach the toolchain and LessonKit (an install under a private folder, such as a
        // 0700 temporary one, it cannot): then the compiler runs with the budget and cgroups but not in bubblewrap,
        // and `lessons grade` says so (``unreachablePath(toolchain:lessonKit:)``).
        self.sandbox = Self.firstUnreachable(readOnlyPaths) == nil ? sandbox : nil
        group = ResourceGroup.create(
            name: "compile-" + UUID().uuidString.prefix(8).lowercased(), processes: 1024, memoryBytes: memoryBytes)
        let roots = [NSTemporaryDirectory()] + SandboxImage.sharedTemporaryFolders
        if sandbox != nil, let root = SandboxImage.reachableFolder(among: roots.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }) {
            let folder = root + "/lessons-\(getpid())-compile-" + UUID().uuidString.prefix(12).lowercased()
            if mkdir(folder, 0o700) == 0 {
                // Removed on Ctrl-C or SIGTERM too, like every folder of the runner's.
                ExitCleanup.shared.register(folder)
                if geteuid() == 0, sandbox?.setpriv != nil { _ = chown(folder, user.id, user.id) }
                scratch = folder
            } else {
                scratch = nil
            }
        } else {
            scratch = nil
        }
        // The copy is seen at the seed's path only inside bubblewrap; without it the compiler uses the grader's cache.
        if let moduleCache, let scratch, self.sandbox != nil,
            moduleCache.install(at: scratch + "/modules", owner: geteuid() == 0 && sandbox?.setpriv != nil ? user.id : nil)
        {
            moduleCachePath = moduleCache.path
        } else {
            moduleCachePath = nil
        }
    }

    /// A folder of the toolchain or LessonKit that a sandbox user cannot reach (so compiles are not sandboxed), if any.
    public static func unreachablePath(toolchain: Toolchain, lessonKit: LessonKitLocation) -> String? {
        let toolchainRoot = URL(fileURLWithPath: toolchain.compiler).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        return firstUnreachable([toolchainRoot, lessonKit.libraryDirectory, lessonKit.moduleDirectory])
    }

    private static func firstUnreachable(_ paths: [String]) -> String? {
        guard geteuid() == 0 else { return nil }
        return paths.first { SandboxImage.firstClosedAncestor(of: $0 + "/x") != nil }
    }

    /// Removes the groups and the compiler's folder.
    public func close() {
        group?.destroy()
        if let scratch {
            try? FileManager.default.removeItem(atPath: scratch)
            ExitCleanup.shared.unregister(scratch)
        }
    }

    /// CPU seconds the compiles used so far.
    public var usedSeconds: Double {
        group?.cpuSeconds ?? lock.withLock { usedWithoutAccounting }
    }

    /// Counts a compile's wall time where no group accounts CPU time.
    func account(wallSeconds: Double) {
        guard group?.cpuSeconds == nil else { return }
        lock.withLock { usedWithoutAccounting += wallSeconds }
    }

    /// Whether the budget is used up.
    public var isExhausted: Bool { usedSeconds >= budgetSeconds }

    /// Whether the compiler hit the memory limit (the kernel killed it for that).
    var hitMemoryLimit: Bool { group?.hitMemoryLimit ?? false }

    /// Prepares the folders the compiler writes in (its work folder, the program's folder) for its user.
    func prepare(_ directories: [String]) {
        guard geteuid() == 0, sandbox?.setpriv != nil else { return }
        for directory in directories { _ = chown(directory, user.id, user.id) }
    }

    /// The command that runs `compiler` with `arguments` in `directory`, with `writable` folders (the source's and
    /// the program's) visible and writable at their own paths.
    func command(compiler: String, arguments: [String], directory: String, writable: [String]) -> [String] {
        let remaining = max(1, Int((budgetSeconds - usedSeconds).rounded(.up)))
        var command = group?.launchPrefix ?? []
        command += ["/usr/bin/prlimit", "--core=0", "--cpu=\(remaining)", "--"]
        guard let sandbox else { return command + [compiler] + arguments }
        if geteuid() == 0, let setpriv = sandbox.setpriv {
            command += [setpriv, "--reuid=\(user.id)", "--regid=\(user.id)", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs"]
        }
        command += [
            sandbox.bubblewrap, "--unshare-user", "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
            "--unshare-cgroup-try", "--disable-userns", "--cap-drop", "ALL", "--new-session", "--die-with-parent",
            "--proc", "/proc", "--dev", "/dev", "--ro-bind", "/usr", "/usr",
        ]
        for top in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: top) {
                command += ["--symlink", target, top]
            } else if FileManager.default.fileExists(atPath: top) {
                command += ["--ro-bind", top, top]
            }
        }
        for path in ["/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives"] {
            command += ["--ro-bind-try", path, path]
        }
        for path in Set(readOnlyPaths).sorted() where FileManager.default.fileExists(atPath: path) && !path.hasPrefix("/usr/") {
            command += ["--ro-bind", path, path]
        }
        command += ["--tmpfs", "/tmp"]
        for folder in Set(writable + [directory]).sorted() { command += ["--bind", folder, folder] }
        if let moduleCachePath, let scratch { command += ["--bind", scratch + "/modules", moduleCachePath] }
        command += ["--chdir", directory, "--clearenv",
            "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", directory, "--setenv", "TMPDIR", directory,
            "--", compiler]
        return command + arguments
    }
}
