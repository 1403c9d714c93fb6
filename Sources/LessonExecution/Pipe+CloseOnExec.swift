#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// A pipe whose two ends are closed on `exec`: a child gets an end only when it is handed over explicitly
/// (and every spawn closes the rest, ``ChildProcess``). Returns (read end, write end).
func makeCloseOnExecPipe() throws(ExecutionError) -> (Int32, Int32) {
    var descriptors: [Int32] = [0, 0]
    guard pipe(&descriptors) == 0 else { throw .fileSystem("cannot create a pipe") }
    _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
    return (descriptors[0], descriptors[1])
}
