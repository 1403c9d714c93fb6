#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import LessonRuntimeProtocol

/// One run of a student's program: in the sandbox, once, under one deadline that nothing can extend, inside a
/// process and memory group joined before its first instruction. What it sends is only data: the values of the
/// probes (for the checker to judge) and, to explain a missing value, how each test cell ended.
public struct SubmissionRun: Sendable {
    /// What the run produced.
    public struct Result: Sendable {
        /// The `value N JSON` lines received, in order (the checker's input).
        public var values: String = ""
        /// How each isolated test cell ended (`ok`, `signal4`, `timeout`, ...) with the tail of its output.
        public var cellStatuses: [Int: CellStatus] = [:]
        /// The last cell the program said it started (untrusted: used only to explain a crash).
        public var lastStartedCell: Int?
        /// The program said it ran every cell.
        public var finished = false
        /// The deadline passed before the program finished.
        public var timedOut = false
        /// A cell whose own top-level code ran out of its time (the run was stopped there).
        public var cellOutOfTime: Int?
        /// The program sent more than the grader accepts; it was stopped.
        public var sentTooMuch = false
        /// The memory limit of the submission's group was reached.
        public var hitMemoryLimit = false
        /// The end of what the program printed (both streams).
        public var outputTail = ""

        /// A run that did not happen (nothing compiled).
        public init() {}
    }

    /// How an isolated test cell of the submission ended.
    public struct CellStatus: Sendable, Equatable {
        public var status: String
        public var detail: String
    }

    /// The limits of one submission.
    public struct Limits: Sendable {
        /// Wall time from start to the last byte, seconds.
        public var seconds: Double
        /// Processes and threads of the whole submission.
        public var processes = 256
        /// Memory of the whole submission (all its processes and its tmpfs files), bytes.
        public var memoryBytes = 2 << 30
        /// Address space of each process, bytes.
        public var addressSpaceBytes = 4 << 30
        /// CPU seconds of each process.
        public var cpuSeconds = 120
        /// Largest file a process may write, bytes.
        public var fileSizeBytes = 32 << 20
        /// Open files of each process.
        public var openFiles = 256
        /// Bytes of values and statuses accepted from the program.
        public var valueBytes = 16 << 20
        /// Bytes of printed output kept (the end).
        public var keptOutputBytes = 16 << 10
        /// Time each cell's top-level code may take, by cell index (test cells, which run in forked children with
        /// limits of their own, are not listed). CPU seconds where the machine accounts CPU time per group, else
        /// wall seconds; `seconds` is the whole run's budget in the same unit.
        public var cellSeconds: [Int: Double] = [:]

        /// Limits with this wall time and the defaults.
        public init(seconds: Double) { self.seconds = seconds }
    }

    let executable: String
    let sandbox: Sandbox?
    /// The project root: the program's working folder (a tmpfs there in the sandbox, with the data mounted).
    let workingDirectory: String
    /// The program's environment (the sandbox clears everything else).
    let environment: [String: String]
    let limits: Limits
    /// A unique name for the resource group.
    let name: String

    /// Creates a run of `executable`.
    public init(
        executable: String, sandbox: Sandbox?, workingDirectory: String, environment: [String: String], limits: Limits,
        name: String
    ) {
        self.executable = executable
        self.sandbox = sandbox
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.limits = limits
        self.name = name
    }

    /// Runs the program to its end, its deadline, or its first excess.
    ///
    /// A program that ends before it says its first cell started never ran a line of the submission (the runtime
    /// says so before any cell's code): the sandbox could not start it (the host was short of something for a
    /// moment). That is tried once more and then is an error of the grader, never a grade of the student.
    public func run() throws(ExecutionError) -> Result {
        let first = try runOnce()
        guard first.neverStarted else { return first.result }
        usleep(500_000)
        let second = try runOnce()
        guard second.neverStarted else { return second.result }
        let said = second.result.outputTail.split(separator: "\n").suffix(2).joined(separator: " / ")
        throw .cannotStart("the submission's sandbox", said.isEmpty ? "it ended before the program's first cell" : said)
    }

    private func runOnce() throws(ExecutionError) -> (result: Result, neverStarted: Bool) {
        let group = ResourceGroup.create(name: name, processes: limits.processes, memoryBytes: limits.memoryBytes)
        defer { group?.destroy() }
        let (controlRead, controlWrite) = try makeCloseOnExecPipe()
        let (outputRead, outputWrite) = try makeCloseOnExecPipe()
        let program = open(executable, O_RDONLY | O_CLOEXEC)
        guard program >= 0 else {
            [controlRead, controlWrite, outputRead, outputWrite].forEach { close($0) }
            throw .fileSystem("cannot open \(executable)")
        }
        // RLIMIT_NPROC as well as the group. The kernel counts it per host user, through every user namespace:
        // as root each run has a user of its own (SandboxUser); otherwise the user's other processes count too.
        let processCap = geteuid() == 0 && sandbox != nil
            ? limits.processes : limits.processes + TaskCount.ofUser(getuid())
        let processLimits = ResourceLimitSpec(
            cpuSeconds: limits.cpuSeconds, addressSpaceBytes: limits.addressSpaceBytes,
            fileSizeBytes: limits.fileSizeBytes, processes: limits.processes, openFiles: limits.openFiles)
        var childEnvironment = environment
        childEnvironment[RuntimeEnvironment.controlDescriptor] = "3"
        childEnvironment[RuntimeEnvironment.gradingRole] = "submission"
        childEnvironment[RuntimeEnvironment.limits] = processLimits.text
        let programPath = "/sandbox/lesson"
        var command = group?.launchPrefix ?? []
        command += [
            "/usr/bin/prlimit", "--core=0", "--cpu=\(limits.cpuSeconds)", "--fsize=\(limits.fileSizeBytes)",
            "--nofile=\(limits.openFiles)", "--as=\(limits.addressSpaceBytes)", "--nproc=\(processCap)", "--",
        ]
        let launcherEnvironment = ["PATH": "/usr/bin:/bin"]
        if let sandbox {
            command += sandbox.command(
                executableDescriptor: 4, programPath: programPath, workingDirectory: workingDirectory,
                environment: childEnvironment)
        } else {
            command += [executable]
        }
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable: command[0], arguments: Array(command.dropFirst()),
                environment: sandbox == nil ? childEnvironment.merging(launcherEnvironment) { own, _ in own } : launcherEnvironment,
                output: outputWrite, extraDescriptors: [controlWrite, program])
        } catch {
            [controlRead, controlWrite, outputRead, outputWrite, program].forEach { close($0) }
            throw error
        }
        [controlWrite, outputWrite, program].forEach { close($0) }
        defer {
            close(controlRead)
            close(outputRead)
        }

        var result = Result()
        // Limits in CPU time where the group accounts it (a busy machine never fails an honest submission); the wall
        // clock then only stops a program that sleeps, at four times the budget.
        let accounted = group?.cpuSeconds != nil
        let started = Date()
        // Time spent waiting for a CPU does not count against the wall clock (a machine busier than its cores).
        let waits = RunQueueWait(group: accounted ? group : nil)
        var currentCell: Int?
        var cellStart = (cpu: 0.0, wall: Date(), waited: 0.0)
        var control: [UInt8] = []
        var received = 0
        var output: [UInt8] = []
        var streams = (control: true, output: true)
        var exited = false
        var exitedByItself = false
        while !exited || streams.control || streams.output {
            let waited = waits.seconds()
            if Date().timeIntervalSince(started) - waited >= (accounted ? limits.seconds * 4 + 10 : limits.seconds) {
                result.timedOut = true
                break
            }
            let cpu = group?.cpuSeconds
            if let cpu, cpu > limits.seconds {
                result.timedOut = true
                break
            }
            if result.lastStartedCell != currentCell {
                currentCell = result.lastStartedCell
                cellStart = (cpu ?? 0, Date(), waited)
            }
            if let cell = currentCell, let budget = limits.cellSeconds[cell] {
                let wall = Date().timeIntervalSince(cellStart.wall) - (waited - cellStart.waited)
                let used = cpu.map { $0 - cellStart.cpu } ?? wall
                if used > budget || wall > budget * 4 + 5 {
                    result.timedOut = true
                    result.cellOutOfTime = cell
                    break
                }
            }
            var descriptors = [
                pollfd(fd: streams.control ? controlRead : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: streams.output ? outputRead : -1, events: Int16(POLLIN), revents: 0),
            ]
            let wait: Int32 = 100
            if Glibc.poll(&descriptors, 2, wait) > 0 {
                if descriptors[0].revents != 0 {
                    let chunk = Self.read(controlRead)
                    if chunk.isEmpty { streams.control = false }
                    received += chunk.count
                    control += chunk
                    consumeLines(&control, into: &result)
                    if received > limits.valueBytes {
                        result.sentTooMuch = true
                        break
                    }
                    if result.finished { break }
                }
                if descriptors[1].revents != 0 {
                    let chunk = Self.read(outputRead)
                    if chunk.isEmpty { streams.output = false }
                    output += chunk
                    if output.count > 4 * limits.keptOutputBytes { output.removeFirst(output.count - limits.keptOutputBytes) }
                }
            }
            if !exited, child.poll() != nil {
                exited = true
                exitedByItself = true
            }
        }
        // Every process of the submission ends here, whatever it was doing (an `atexit` loop, a forked child).
        child.killGroup()
        group?.destroy()
        _ = child.wait()
        // A test cell that died of a terminal's or a scheduler's signal may have died of this process's end.
        let outsideSignal = result.cellStatuses.values.lazy.compactMap { status -> Int32? in
            status.status.hasPrefix("signal") ? Int32(status.status.dropFirst("signal".count)) : nil
        }.first { [SIGINT, SIGTERM, SIGHUP].contains($0) }
        if let outsideSignal { ExitCleanup.shared.stopIfEnding(afterChildSignal: outsideSignal) }
        result.hitMemoryLimit = group?.hitMemoryLimit ?? false
        result.outputTail = String(decoding: output.suffix(limits.keptOutputBytes), as: UTF8.self)
        return (result, exitedByItself && received == 0 && !result.timedOut)
    }

    private func consumeLines(_ buffer: inout [UInt8], into result: inout Result) {
        while let newline = buffer.firstIndex(of: 0x0A) {
            let line = String(decoding: buffer[..<newline], as: UTF8.self)[...]
            buffer.removeSubrange(...newline)
            if ProbeWire.parseValue(line) != nil {
                result.values += line + "\n"
            } else if let (cell, status, detail) = ProbeWire.parseCell(line) {
                let text = (try? JSONDecoder().decode(String.self, from: Data(detail.utf8))) ?? ""
                result.cellStatuses[cell] = CellStatus(status: String(status), detail: text)
            } else if line.hasPrefix("start "), let cell = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
                result.lastStartedCell = cell
            } else if line.hasPrefix("finish") {
                result.finished = true
            }
        }
    }

    private static func read(_ descriptor: Int32) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = Glibc.read(descriptor, &chunk, chunk.count)
        return count > 0 ? Array(chunk[..<count]) : []
    }
}
