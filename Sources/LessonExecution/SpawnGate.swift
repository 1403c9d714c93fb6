#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Keeps this process from starting a child while it holds a program file open for writing.
///
/// A child started by one thread gets a copy of every descriptor the process has open at that moment, and keeps it
/// until it execs (or its spawn's file actions close it). If another thread is writing a program then, the child holds
/// a write descriptor of that program, and starting the program fails with ETXTBSY ("Text file busy"): seen with one
/// lesson per core, when one lesson's program was written from the cache while the other lesson started its compiler.
/// Writers of programs hold the gate alone (``ProgramFile``); every spawn of this module holds it shared. `posix_spawn`
/// returns only after the child has exec'd, so no child can hold a descriptor a writer opened.
final class SpawnGate: @unchecked Sendable {
    /// The gate every spawn and every program write of this process goes through.
    static let shared = SpawnGate()

    private let lock: UnsafeMutablePointer<pthread_rwlock_t>

    private init() {
        lock = .allocate(capacity: 1)
        lock.initialize(to: pthread_rwlock_t())
        pthread_rwlock_init(lock, nil)
    }

    /// Runs `body` (which starts a child); many may run at once, but never while a program is being written.
    func spawning<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    /// Runs `body` (which opens, writes and closes a program file) while no child is being started.
    func writingProgram<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
