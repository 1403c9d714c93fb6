#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation
import LessonRuntimeProtocol

/// The glue between a running lesson program and the `lessons` runner.
///
/// The runner generates a program whose cells are separated by calls to ``beginCell(_:)`` and ``endCell(_:)``.
/// Each cell's standard output and standard error go to files of their own, and displayed values to a third
/// file, so that the runner can attach every byte to the cell that produced it, even after a crash.
/// Lesson code never calls these functions itself.
public enum LessonRuntime {
    /// The lesson's seed, from the runner (front matter `seed`, or derived from the file name); 0 outside a run.
    public static var seed: UInt64 { state.withLock { $0.seed } }

    /// The lesson file as the runner names it in diagnostics, e.g. `Lessons/04-elbo.md`.
    public static var lessonFile: String { state.withLock { $0.lessonFile } }

    /// Reads the runner's environment, applies resource limits, tunes the allocator for tensors (``AllocatorTuning``)
    /// and prepares output capture.
    /// Called once by generated code, before the first cell.
    public static func start() {
        let environment = ProcessInfo.processInfo.environment
        AllocatorTuning.apply()
        if let runner = environment[RuntimeEnvironment.runnerProcess].flatMap({ pid_t($0) }) {
            dieWithRunner(runner)
        }
        state.withLock { state in
            state.outputDirectory = environment[RuntimeEnvironment.outputDirectory]
            state.controlDescriptor = environment[RuntimeEnvironment.controlDescriptor].flatMap { Int32($0) }
            state.seed = environment[RuntimeEnvironment.seed].flatMap { UInt64($0) } ?? 0
            state.lessonFile = environment[RuntimeEnvironment.lessonFile] ?? ""
            state.skippedCells = Set((environment[RuntimeEnvironment.skippedCells] ?? "").split(separator: ",").compactMap { Int($0) })
            state.gradingRole = environment[RuntimeEnvironment.gradingRole].flatMap(GradingRole.init(rawValue:))
            state.hiddenCells = hiddenCells(in: environment)
            if state.gradingRole == .checker, let path = environment[RuntimeEnvironment.probeValues] {
                state.probeValues = loadProbeValues(path)
            }
            if let descriptor = environment[RuntimeEnvironment.tokenDescriptor].flatMap({ Int32($0) }) {
                state.token = readLine(from: descriptor)
                close(descriptor)
            }
        }
        if let directory = environment[RuntimeEnvironment.workingDirectory] {
            _ = chdir(directory)
        }
        if let cgroup = environment[RuntimeEnvironment.pidsCgroup] {
            joinProcessCountGroup(at: cgroup)
        }
        if let text = environment[RuntimeEnvironment.limits], let limits = ResourceLimitSpec(text: text) {
            apply(limits)
        }
        // Line buffering: whatever a cell printed before a crash is already in its file.
        setvbuf(stdout, nil, _IOLBF, 0)
    }

    /// Routes output to cell `index`'s files and tells the runner the cell started.
    public static func beginCell(_ index: Int) {
        fflush(nil)
        state.withLock { state in
            state.currentCell = index
            state.inHiddenCell = state.hiddenCells.contains(index)
            guard let directory = state.outputDirectory, state.gradingRole != .submission else { return }
            redirect(STDOUT_FILENO, to: directory + "/" + CellFileNames.standardOutput(cell: index))
            redirect(STDERR_FILENO, to: directory + "/" + CellFileNames.standardError(cell: index))
            if state.displayDescriptor >= 0 { close(state.displayDescriptor) }
            state.displayDescriptor = open(
                directory + "/" + CellFileNames.displays(cell: index), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        send(.cellStarted(index))
    }

    /// Whether isolated cell `index` runs in this run (generated code asks before the cell's code; the runner
    /// skips test cells that crashed in an earlier run of the same program).
    public static func shouldRun(_ index: Int) -> Bool {
        state.withLock { !$0.skippedCells.contains(index) }
    }

    /// Flushes cell `index`'s output and tells the runner the cell finished.
    public static func endCell(_ index: Int) {
        fflush(nil)
        let (failed, credit) = state.withLock { state in
            defer {
                state.failedChecks = 0
                state.credit = nil
            }
            return (state.failedChecks, state.credit)
        }
        send(.cellFinished(index, failedChecks: failed, credit: credit))
    }

    /// Records that the current cell read the file at `path`, so that changing the file makes the lesson's
    /// outputs stale. LessonKit's loaders (`Digits.load`) call it; call it for files you read yourself.
    public static func recordInput(_ path: String) {
        emit(DisplayRecord(kind: .input, text: path))
    }

    /// Reports partial credit for the current (test) cell: the fraction of its points earned, in 0...1.
    ///
    /// Only the smallest fraction reported in a cell counts, so code under test cannot raise its own score.
    public static func reportPartialCredit(_ fraction: Double) {
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        state.withLock { state in state.credit = min(state.credit ?? 1, clamped) }
    }

    /// Tells the runner how far the running cell's long work has come (``ProgressBar`` calls it); the runner shows
    /// it on a terminal's status line. Nothing is sent outside `lessons run` (a plain build, or grading).
    static func reportProgress(_ update: ProgressUpdate) {
        let cell = state.withLock { $0.gradingRole == nil ? $0.currentCell : nil }
        guard let cell else { return }
        send(.progress(cell: cell, update))
    }

    /// Tells the runner that every cell ran.
    public static func finish() {
        fflush(nil)
        send(.finished)
    }

    /// Appends a display record to the current cell, stamped with the current lengths of its streams.
    static func emit(_ record: DisplayRecord) {
        fflush(nil)
        var record = record
        record.standardOutputOffset = Int(lseek(STDOUT_FILENO, 0, SEEK_CUR))
        record.standardErrorOffset = Int(lseek(STDERR_FILENO, 0, SEEK_CUR))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var data = try? encoder.encode(record) else { return }
        data.append(0x0A)
        let descriptor = state.withLock { state in
            if record.kind == .check && record.passed == false { state.failedChecks += 1 }
            return state.displayDescriptor
        }
        if descriptor >= 0 {
            writeAll(descriptor, data)
        } else {
            // Outside the runner (a plain `swiftc` build): print something readable instead.
            if record.kind != .input && (record.kind != .check || record.passed == false) {
                print(record.text ?? "[\(record.kind.rawValue)]")
            }
        }
    }

    // MARK: Private

    static func send(_ event: ControlEvent) {
        let (descriptor, token) = state.withLock { ($0.controlDescriptor, $0.token) }
        guard let descriptor else { return }
        writeAll(descriptor, Data(event.line(token: token).utf8))
    }

    private static func readLine(from descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1 && byte != 0x0A && bytes.count < 256 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeAll(_ descriptor: Int32, _ data: Data) {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    static func redirect(_ target: Int32, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        dup2(descriptor, target)
        close(descriptor)
    }

    private static func joinProcessCountGroup(at directory: String) {
        let descriptor = open(directory + "/cgroup.procs", O_WRONLY)
        guard descriptor >= 0 else { return }
        writeAll(descriptor, Data("\(getpid())\n".utf8))
        close(descriptor)
    }

    private static func apply(_ limits: ResourceLimitSpec) {
        setLimit(RLIMIT_CPU, limits.cpuSeconds)
        setLimit(RLIMIT_AS, limits.addressSpaceBytes)
        setLimit(RLIMIT_FSIZE, limits.fileSizeBytes)
        setLimit(processLimitResource, limits.processes)
        setLimit(RLIMIT_NOFILE, limits.openFiles)
        setLimit(RLIMIT_CORE, 0)
    }

    #if canImport(Glibc)
    private static let processLimitResource = __RLIMIT_NPROC
    private static func setLimit(_ resource: __rlimit_resource, _ value: Int) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(resource_t(resource.rawValue), &limit)
    }
    private typealias resource_t = __rlimit_resource_t
    #else
    private static let processLimitResource = RLIMIT_NPROC
    private static func setLimit(_ resource: Int32, _ value: Int) {
        var limit = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
        setrlimit(resource, &limit)
    }
    #endif

    static let state = Mutex(RuntimeState())
}
