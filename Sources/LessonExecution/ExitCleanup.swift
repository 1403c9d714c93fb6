#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// What this process must undo however it ends: temporary folders and files to remove, lesson programs (process
/// groups) to kill.
///
/// Normal exits undo their own work (`defer`); ``installSignalHandlers()`` covers SIGINT, SIGTERM and SIGHUP: the
/// handler only wakes a cleanup thread (a handler may do little more than `write`), which removes everything
/// registered, kills the registered process groups, and then dies of the same signal. What a `kill -9` leaves,
/// the next run sweeps (``LeftoverSweep``).
public final class ExitCleanup: @unchecked Sendable {
    /// The one registry of this process.
    public static let shared = ExitCleanup()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var processGroups: Set<pid_t> = []

    /// Remembers `path` (a file or folder) to remove if a signal ends the process.
    ///
    /// While a signal is being handled, a thread that registers a new path (it has just made it) removes it and
    /// stops there: the process is about to die, and what it started now might be missed by the cleanup.
    public func register(_ path: String) {
        let accepted: Bool = locked {
            guard !dying else { return false }
            paths.insert(path)
            return true
        }
        if !accepted {
            Self.removeTree(path)
            Self.parkForever()
        }
    }

    /// Forgets `path` (removed, renamed into place, or handed over).
    public func unregister(_ path: String) { _ = locked { paths.remove(path) } }

    /// Remembers process group `group` (a lesson program and everything it forked) to kill if a signal ends the
    /// process.
    /// While a signal is being handled, a thread that registers a new program (it has just started it) kills and
    /// reaps it and stops there, as ``register(_:)`` does.
    func register(processGroup group: pid_t) {
        let accepted: Bool = locked {
            guard !dying else { return false }
            processGroups.insert(group)
            return true
        }
        if !accepted {
            kill(-group, SIGKILL)
            var status: Int32 = 0
            while waitpid(group, &status, 0) < 0 && errno == EINTR {}
            Self.parkForever()
        }
    }

    /// Forgets process group `group` (its program ended).
    func unregister(processGroup group: pid_t) { _ = locked { processGroups.remove(group) } }

    /// Kills every registered process group and removes every registered path.
    ///
    /// Removing a folder races with whatever still writes into it: a killed program may be finishing a system call
    /// that creates a file there, and the thread that was waiting for it wakes up and goes on (collecting the
    /// program's output, removing the same folder itself). So the paths are removed only once each killed group
    /// has no living process, by a removal that tolerates entries vanishing under it, and again while any of them
    /// is still there (for at most ``settleSeconds``). A path unregistered meanwhile is still removed if it exists.
    public func runNow() {
        let deadline = Date().addingTimeInterval(Self.settleSeconds)
        var paths: Set<String> = []
        while true {
            let (groups, registered) = locked { (processGroups, self.paths) }
            paths.formUnion(registered)
            for group in groups { kill(-group, SIGKILL) }
            for group in groups { ProcessGroupState.waitUntilGone(group, deadline: deadline) }
            for path in paths { Self.removeTree(path) }
            let settled = paths.allSatisfy { !Self.exists($0) } && locked { self.paths.isSubset(of: paths) }
            if settled || Date() >= deadline { return }
            usleep(10_000)
        }
    }

    /// How long ``runNow()`` tries at most to see the killed programs gone and the paths removed.
    static let settleSeconds = 5.0

    /// Removes `path` and everything under it without following links; an entry that vanishes meanwhile (removed
    /// by another thread) is no error, and every entry is tried.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                removeTree(path + "/" + name)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Stops the calling thread for good: the process is about to die of a signal.
    private static func parkForever() -> Never {
        while true { pause() }
    }

    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that clean up and then die of the signal, as if unhandled.
    /// A signal this process was started with ignored (a background job's SIGINT) stays ignored.
    public func installSignalHandlers() {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        let installed: Bool = locked {
            guard Self.wakeDescriptor < 0 else { return false }
            Self.wakeDescriptor = descriptors[1]
            return true
        }
        guard installed else {
            close(descriptors[0])
            close(descriptors[1])
            return
        }
        let readEnd = descriptors[0]
        let thread = Thread { [self] in
            var signal: Int32 = 0
            while read(readEnd, &signal, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return }
            }
            // From here the process dies of the signal: a main thread that reaches `exit` meanwhile (its
            // program was just killed) waits in the exit handler below instead of ending with another status.
            commitLock.lock()
            _ = locked { dying = true }
            commitLock.unlock()
            runNow()
            Glibc.signal(signal, SIG_DFL)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, signal)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            kill(getpid(), signal)
            // The signal is delivered to some thread of the process and ends it; nothing runs after it.
            pause()
        }
        thread.start()
        atexit {
            if ExitCleanup.shared.locked({ ExitCleanup.shared.dying }) { while true { pause() } }
        }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            sigaction(signal, nil, &current)
            if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1 { continue }  // SIG_IGN
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                var number = signal
                _ = write(ExitCleanup.wakeDescriptor, &number, MemoryLayout<Int32>.size)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
    }

    /// Runs `body` (a write that records what this process's programs did, such as a grade) unless a signal is
    /// ending the process; then the calling thread stops here for good, and nothing is written.
    ///
    /// The cleanup kills the running programs before the process dies, and a program killed that way must not be
    /// recorded as a program that failed (a requeued Slurm task recorded a student's killed test as 0 points). The
    /// signal's handling waits for a `body` under way, so a write either completes before the cleanup kills
    /// anything or never starts. `body` must not register paths or programs.
    public func unlessEnding<T>(_ body: () throws -> T) rethrows -> T {
        commitLock.lock()
        defer { commitLock.unlock() }
        if locked({ dying }) {
            commitLock.unlock()
            Self.parkForever()
        }
        return try body()
    }

    /// Called by a thread that has just reaped a program that died of `signal` (nil: it exited).
    ///
    /// While a signal is ending this process, the program was probably killed by the cleanup, so the calling thread
    /// stops here for good and reports nothing. SIGINT, SIGTERM and SIGHUP are what a terminal or a scheduler
    /// (`scancel`, `scontrol requeue`) sends to every process of a job at once, and the program may die of its copy
    /// before this process handles its own: for those, the thread waits up to ``outsideSignalGraceSeconds`` for this
    /// process's own signal before it goes on (a program that signalled itself costs only that wait).
    public func stopIfEnding(afterChildSignal signal: Int32?) {
        if locked({ dying }) { Self.parkForever() }
        guard let signal, [SIGINT, SIGTERM, SIGHUP].contains(signal) else { return }
        let deadline = Date().addingTimeInterval(Self.outsideSignalGraceSeconds)
        while Date() < deadline {
            usleep(10_000)
            if locked({ dying }) { Self.parkForever() }
        }
    }

    /// How long a thread whose program died of SIGINT, SIGTERM or SIGHUP waits for this process's own copy.
    static let outsideSignalGraceSeconds = 1.0

    /// Held by ``unlessEnding(_:)`` around a write, and by the signal's handling while it marks the process dying.
    private let commitLock = NSLock()

    /// The write end of the pipe that wakes the cleanup thread (-1 before the handlers are installed); written
    /// only by the signal handler, which can touch nothing else.
    nonisolated(unsafe) private static var wakeDescriptor: Int32 = -1

    /// Set (under the lock) once a signal is being handled: the process is about to die of it.
    private var dying = false

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
