#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import LessonRuntimeProtocol

/// Runs a compiled lesson program under limits, following its cells through the control pipe and killing it
/// when a cell exceeds its timeout.
struct ProgramRun {
    /// The wall-clock backstop of a limit of `seconds` whose clock is moved back by the time spent waiting for a
    /// CPU: whatever the credit, a program is stopped after 4 × the limit + 5 s.
    static func backstop(_ seconds: Double) -> Double { seconds * 4 + 5 }

    /// How the program's run ended.
    struct Result {
        var events: CellEvents
        var termination: ChildProcess.Termination
        /// The cell that was killed for exceeding its timeout, with the timeout.
        var timedOut: (cell: Int, seconds: Double)?
        var endTime: Date
    }

    let executable: String
    let outputDirectory: String
    let workingDirectory: String
    let environment: [String: String]
    /// Timeout of each cell by index.
    let timeouts: [Int: Double]
    let limits: ResourceLimitSpec
    let processGroup: ResourceGroup?
    /// Called when a cell starts (for progress display).
    var onCellStart: (Int) -> Void = { _ in }
    /// Called with the running cell's progress reports (only the running cell's; others are ignored).
    var onProgress: (Int, ProgressUpdate) -> Void = { _, _ in }
    /// Cell timeouts are CPU seconds of the program's group (where the machine accounts them), so that a busy
    /// machine never stops a cell; the wall clock then stops a cell only at four times its timeout plus 5 s.
    var timeoutsInCPUTime = false

    func run() throws(ExecutionError) -> Result {
        let (readEnd, writeEnd) = try makeCloseOnExecPipe()
        // The token travels on a pipe of its own, read once by the runtime before any cell can look for it.
        let token = Self.randomToken()
        let (tokenRead, tokenWrite) = try makeCloseOnExecPipe()
        _ = Data((token + "\n").utf8).withUnsafeBytes { write(tokenWrite, $0.baseAddress, $0.count) }
        close(tokenWrite)
        defer { close(tokenRead) }
        var childEnvironment = environment
        childEnvironment[RuntimeEnvironment.outputDirectory] = outputDirectory
        childEnvironment[RuntimeEnvironment.controlDescriptor] = "3"
        childEnvironment[RuntimeEnvironment.tokenDescriptor] = "4"
        childEnvironment[RuntimeEnvironment.limits] = limits.text
        childEnvironment[RuntimeEnvironment.workingDirectory] = workingDirectory
        childEnvironment[RuntimeEnvironment.runnerProcess] = String(getpid())
        childEnvironment["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,sanitize=yes"
        if let processGroup { childEnvironment[RuntimeEnvironment.pidsCgroup] = processGroup.processCountPath }

        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: executable, arguments: [], environment: childEnvironment,
                standardOutput: outputDirectory + "/" + CellFileNames.preludeOutput,
                standardError: outputDirectory + "/" + CellFileNames.preludeError, extraDescriptors: [writeEnd, tokenRead])
        } catch {
            close(readEnd)
            close(writeEnd)
            throw error
        }
        close(writeEnd)
        defer { close(readEnd) }
        processGroup?.add(child.pid)

        var events = CellEvents()
        var buffer: [UInt8] = []
        var timedOut: (cell: Int, seconds: Double)?
        var termination: ChildProcess.Termination?
        var pipeOpen = true
        let accounted = timeoutsInCPUTime && processGroup?.cpuSeconds != nil
        var cellStartCPU: (cell: Int, seconds: Double)?
        // Time the program waited for a CPU moves the deadlines back: a machine busier than its cores fails no cell.
        // With limits in CPU time, the waits of all its threads move the wall-clock backstops (a program that runs
        // is stopped by its CPU budget, one that sleeps does not wait). With limits in wall time, only its main
        // thread's wait counts (summed over a program's own processes, a fork bomb's, waits would outgrow the
        // clock), and a backstop of 4 × the timeout + 5 s of plain wall time stops a program starved by its own
        // processes.
        let waits = accounted ? RunQueueWait(group: processGroup) : RunQueueWait(mainThreadOf: child.pid)
        let launched = Date()
        var cellWaitStart: (cell: Int, waited: Double)?
        while termination == nil {
            let now = Date()
            let waited = waits.seconds()
            // Startup, before its first cell: 30 s (with the same backstop as a cell's when only the main thread counts).
            var overdue = now.timeIntervalSince(launched) - waited >= 30
                || (!accounted && now.timeIntervalSince(launched) >= Self.backstop(30))
            var outOfCPU = false
            if let current = events.current, events.finished[current] == nil, let start = events.started[current] {
                let timeout = timeouts[current] ?? 60
                if cellWaitStart?.cell != current { cellWaitStart = (current, waited) }
                let ran = now.timeIntervalSince(start) - (waited - (cellWaitStart?.waited ?? waited))
                if accounted, let used = processGroup?.cpuSeconds {
                    if cellStartCPU?.cell != current { cellStartCPU = (current, used) }
                    outOfCPU = used - (cellStartCPU?.seconds ?? used) > timeout
                    overdue = ran >= Self.backstop(timeout)
                } else {
                    overdue = ran >= timeout || now.timeIntervalSince(start) >= Self.backstop(timeout)
                }
            } else if events.current != nil {
                overdue = false  // between cells: glue code only
            }
            if overdue || outOfCPU {
                if let current = events.current, events.finished[current] == nil {
                    timedOut = (current, timeouts[current] ?? 60)
                }
                child.killGroup()
                termination = child.wait()
                break
            }
            if pipeOpen {
                var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
                let waitMilliseconds: Int32 = 100
                if Glibc.poll(&poller, 1, waitMilliseconds) > 0 {
                    var chunk = [UInt8](repeating: 0, count: 4096)
                    let count = read(readEnd, &chunk, chunk.count)
                    if count > 0 {
                        buffer += chunk[0..<count]
                        consumeLines(&buffer, into: &events, token: token)
                    } else if count == 0 {
                        pipeOpen = false
                    }
                }
            } else {
                usleep(2_000)
            }
            termination = child.poll()
        }
        // Read what is left in the pipe, then make sure nothing the program forked survives it.
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            guard Glibc.poll(&poller, 1, 0) > 0 else { break }
            let count = read(readEnd, &chunk, chunk.count)
            guard count > 0 else { break }
            buffer += chunk[0..<count]
        }
        consumeLines(&buffer, into: &events, token: token)
        child.killGroup()
        return Result(events: events, termination: termination!, timedOut: timedOut, endTime: Date())
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }.joined()
    }

    private func consumeLines(_ buffer: inout [UInt8], into events: inout CellEvents, token: String) {
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = String(decoding: buffer[..<newline], as: UTF8.self)
            buffer.removeSubrange(...newline)
            switch ControlEvent(line: line[...], token: token) {
            case .cellStarted(let index):
                events.started[index] = Date()
                events.current = index
                onCellStart(index)
            case .cellFinished(let index, let failedChecks, let credit):
                events.finished[index] = Date()
                events.failedChecks[index] = failedChecks
                events.credit[index] = credit
            case .progress(let index, let update):
                if index == events.current, events.finished[index] == nil { onProgress(index, update) }
            case .finished, nil:
                break
            }
        }
    }
}
