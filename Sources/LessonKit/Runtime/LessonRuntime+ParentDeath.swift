#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import LessonRuntimeProtocol

extension LessonRuntime {
    /// Asks the kernel to kill this program when the runner (its parent, process `runner`) dies, so that a runner
    /// killed with SIGKILL does not leave its lesson running; exits at once if the runner is already gone.
    /// Linux only (`prctl(PR_SET_PDEATHSIG)`); elsewhere the runner's process group kill is all there is.
    static func dieWithRunner(_ runner: pid_t) {
        #if os(Linux)
        // `prctl` is variadic in C, so Swift does not import it: call it through its address.
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        let prctl = unsafeBitCast(symbol, to: Prctl.self)
        let setParentDeathSignal: Int32 = 1  // PR_SET_PDEATHSIG
        _ = prctl(setParentDeathSignal, UInt(SIGKILL), 0, 0, 0)
        #endif
        if getppid() != runner { _exit(137) }
    }
}
