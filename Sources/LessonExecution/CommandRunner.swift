#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// Runs a short helper command to completion and returns what it printed.
///
/// It is started as a ``ChildProcess`` and reaped with `waitpid`, not with Foundation's `Process`: on Linux,
/// `Process.waitUntilExit()` looks at the child every 50 ms, so a command that took 20 ms cost up to 70 ms (the
/// `swiftc --version` asked before a lesson's first compile on an empty cache was 55 ms of work and 50 ms of wait).
public enum CommandRunner {
    /// How a command ended, and what it printed on standard output and error together.
    public struct Outcome: Sendable {
        /// The exit status, or 128 + the signal's number when a signal ended the command.
        public let status: Int32
        /// Standard output and standard error, interleaved as the command wrote them.
        public let output: String
    }

    /// Runs `executable` (a path) with `arguments`, standard input from /dev/null, until it ends; throws if it
    /// cannot start. With `environment`, the command gets exactly those variables, else this process's.
    public static func run(_ executable: String, arguments: [String], environment: [String: String]? = nil)
        throws(ExecutionError) -> Outcome
    {
        let (readEnd, writeEnd) = try makeCloseOnExecPipe()
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: executable, arguments: arguments,
                environment: environment ?? ProcessInfo.processInfo.environment, output: writeEnd)
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        close(writeEnd)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(readEnd)
        let status: Int32
        switch child.wait() {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        return Outcome(status: status, output: String(decoding: data, as: UTF8.self))
    }
}
