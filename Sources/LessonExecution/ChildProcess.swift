#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// A child process started with `posix_spawn` in a process group of its own, so that it and everything it
/// forks can be killed together.
struct ChildProcess {
    /// How the process ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    let pid: pid_t

    /// Starts `executable` with `arguments` and `environment` (in this process's working directory).
    /// - Parameters:
    ///   - standardOutput, standardError: files to create for the two streams.
    ///   - extraDescriptors: descriptors to hand to the child as file descriptors 3, 4, ...
    static func spawn(
        executable: String, arguments: [String], environment: [String: String],
        standardOutput: String, standardError: String, extraDescriptors: [Int32] = []
    ) throws(ExecutionError) -> ChildProcess {
        try spawn(executable: executable, arguments: arguments, environment: environment, extraDescriptors: extraDescriptors) {
            actions in
            posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if standardError == standardOutput {
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
            } else {
                posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
    }

    /// Starts `executable` with both output streams on descriptor `output` (a pipe's write end).
    static func spawn(
        executable: String, arguments: [String], environment: [String: String], output: Int32,
        extraDescriptors: [Int32] = []
    ) throws(ExecutionError) -> ChildProcess {
        try spawn(executable: executable, arguments: arguments, environment: environment, extraDescriptors: extraDescriptors) {
            actions in
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_adddup2(&actions, output, 2)
        }
    }

    /// Standard input from /dev/null, outputs as `setOutputs` arranges, `extraDescriptors` as 3, 4, ..., and
    /// every other descriptor of this process closed in the child (none leaks into it).
    private static func spawn(
        executable: String, arguments: [String], environment: [String: String], extraDescriptors: [Int32],
        setOutputs: (inout posix_spawn_file_actions_t) -> Void
    ) throws(ExecutionError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        setOutputs(&actions)
        // Descriptors are moved above every target first, so that `dup2(5, 3)` cannot clobber a later source 3; and
        // above every source, so that moving one cannot clobber another that already sits in the range (a grader
        // with many descriptors open handed the sandbox its control pipe as the program: "bwrap: Can't write data
        // to file /sandbox/lesson: Bad file descriptor").
        let base = max(Int32(3 + extraDescriptors.count + 64), (extraDescriptors.max() ?? 0) + 1)
        for (offset, descriptor) in extraDescriptors.enumerated() {
            posix_spawn_file_actions_adddup2(&actions, descriptor, base + Int32(offset))
        }
        for offset in extraDescriptors.indices {
            posix_spawn_file_actions_adddup2(&actions, base + Int32(offset), Int32(3 + offset))
        }
        closeFrom(Int32(3 + extraDescriptors.count), &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        // The limits' signals end the program. SIGINT, SIGTERM and SIGHUP keep what this process does with them:
        // a runner that ignores SIGTERM (started so by a scheduler or a harness) must not see its programs die of
        // a SIGTERM sent to every process of the job, and record that as the student's failure.
        for signal in [SIGPIPE, SIGXFSZ, SIGXCPU] { sigaddset(&defaultSignals, signal) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var status = SpawnGate.shared.spawning { posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        // Still "Text file busy": a child that some other spawn of this process (one outside the gate) started while
        // the program was being written holds it until that child execs, which is soon. Go's os/exec does the same.
        var pause: useconds_t = 1_000
        while status == ETXTBSY && pause <= 256_000 {
            usleep(pause)
            pause *= 2
            status = SpawnGate.shared.spawning { posix_spawn(&pid, executable, &actions, &attributes, argv, envp) }
        }
        guard status == 0 else {
            throw .cannotStart(executable, String(cString: strerror(status)))
        }
        // Killed with its group if a signal ends the runner first (the group is the child's own pid).
        ExitCleanup.shared.register(processGroup: pid)
        return ChildProcess(pid: pid)
    }

    /// Waits without blocking; nil while the process still runs.
    func poll() -> Termination? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        return reaped(status)
    }

    /// Waits until the process ends.
    func wait() -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return reaped(status)
    }

    /// What a reaped process's `status` means, unless a signal is ending this process: then the process was
    /// probably killed for that reason, not by what it ran, and the calling thread stops (``ExitCleanup``).
    private func reaped(_ status: Int32) -> Termination {
        ExitCleanup.shared.unregister(processGroup: pid)
        let termination = Self.termination(status)
        if case .signaled(let signal) = termination {
            ExitCleanup.shared.stopIfEnding(afterChildSignal: signal)
        } else {
            ExitCleanup.shared.stopIfEnding(afterChildSignal: nil)
        }
        return termination
    }

    /// Kills the process and everything in its process group.
    func killGroup() {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later; Swift's Glibc module does not
    /// export it), looked up once.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Closes every descriptor from `lowest` up in the child.
    private static func closeFrom(_ lowest: Int32, _ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom {
            _ = addCloseFrom(&actions, lowest)
            return
        }
        // Older C libraries: close what this process has open now.
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor >= lowest && descriptor < 65_536 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }
}
