#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processor time the calling thread has used, in seconds: what a claim about cost should measure.
///
/// Wall-clock time counts the time the program waited for a core, so on a busy machine (another lesson of
/// `--jobs 2`, a build, CI) one short pass can take longer than many: a check like "sampling costs many passes"
/// then fails for reasons that have nothing to do with the model. CPU time counts only the work done. It is the
/// calling thread's (`CLOCK_THREAD_CPUTIME_ID`): the process-wide clock of a program with several threads moves
/// only in scheduler ticks here, and read 0 s for 50 CAVI iterations. Lessons run with one OpenBLAS thread, so a
/// cell's numeric work is on its own thread; helper threads started by the cell itself are not counted.
///
/// ```swift
/// let (samples, sampling) = CPUTime.measure { model.sample(count: 20, using: &random) }
/// let (_, onePass) = CPUTime.measure { model.logits(Variable(Tensor(samples))) }
/// check(sampling > 16 * onePass, "sampling costs many passes")
/// ```
public enum CPUTime {
    /// The processor time the calling thread has used so far, in seconds.
    public static var seconds: Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Runs `body` and returns its result with the processor time it used, in seconds.
    public static func measure<Result>(_ body: () throws -> Result) rethrows -> (result: Result, seconds: Double) {
        let start = seconds
        let result = try body()
        return (result, seconds - start)
    }
}
