#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS's own threads. A training step that computes its minibatch in two parts on two threads
/// (``GradientShard``) runs each part's matrix products on one thread: with OpenBLAS's threads as well, four
/// threads shared two cores and the step took twice as long.
enum BLASThreads {
    private typealias Setter = @convention(c) (Int32) -> Void
    private typealias Getter = @convention(c) () -> Int32

    /// OpenBLAS's setter and getter, looked up once (nil with another BLAS, which then keeps its own threads).
    private static let functions: (set: Setter, get: Getter)? = {
        #if os(Linux)
        let everywhere: UnsafeMutableRawPointer? = nil  // RTLD_DEFAULT
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #endif
        guard let set = dlsym(everywhere, "openblas_set_num_threads"),
            let get = dlsym(everywhere, "openblas_get_num_threads")
        else { return nil }
        return (unsafeBitCast(set, to: Setter.self), unsafeBitCast(get, to: Getter.self))
    }()

    /// Runs `body` with OpenBLAS on one thread, then gives it back the threads it had.
    static func one<T>(_ body: () throws -> T) rethrows -> T {
        guard let functions else { return try body() }
        let before = functions.get()
        guard before > 1 else { return try body() }
        functions.set(1)
        defer { functions.set(before) }
        return try body()
    }
}
