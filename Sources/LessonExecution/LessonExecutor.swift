import Foundation
public import LessonModel
public import LessonRuntimeProtocol

/// Runs a lesson like a notebook kernel: all cells in one process, in order, sharing state.
///
/// The cells are compiled once into one program. When a cell does not compile, its errors become its
/// output, the cells before it are compiled again and run, and the cells after it are marked not run.
/// A cell marked `error: true` is expected to fail: its error is shown and the lesson goes on without it.
public struct LessonExecutor: Sendable {
    public let toolchain: Toolchain
    public let lessonKit: LessonKitLocation
    public var limits: RunLimits
    /// The folder lesson programs run in (the project root), so relative paths mean the same in every lesson.
    public let workingDirectory: String
    /// Compile cells with `-O`, or with `-Onone` (default: traps then print their messages and backtraces find
    /// the exact line, and the course compiles and runs faster; LessonKit itself is always optimised).
    public var optimize = false
    /// Variables added to the program's environment (the grader's checker gets its values file this way).
    public var extraEnvironment: [String: String] = [:]
    /// What to do when a cell fails fatally (default: the notebook policy of `lessons run`).
    public var failurePolicy: FailurePolicy = NotebookFailurePolicy.policy
    /// Cells compiled in their own scope that a re-run can skip without compiling again (grading's test cells).
    /// When such a cell crashes and the policy leaves it out, the same executable runs again without it.
    public var isolatedCells: Set<Int> = []
    /// Where programs are compiled: nil compiles as the grader (the instructor's own lessons); a submission's
    /// program is compiled in a ``CompileSandbox`` with a CPU-time budget.
    public var compileSandbox: CompileSandbox?
    /// Cell timeouts in CPU time of the program's cgroup (grading's checker: a busy machine never fails the
    /// instructor's solution); wall time otherwise.
    public var timeoutsInCPUTime = false
    /// Where LessonKit keeps the models a lesson trained, to put them back when the same program trains them again
    /// (nil: nothing is cached; grading never caches).
    public var trainingCache: TrainingCacheSetting?
    /// Where compiled programs are kept, to run again without compiling when the cells did not change (nil: every
    /// run compiles). Used only for lessons numbered by a ``ProgramLineMap``, never for a submission or a program
    /// compiled to run many times.
    public var programCache: ProgramCache?
    /// Called with a running cell's index and its progress reports (LessonKit's `ProgressBar`, `train`): what a
    /// terminal's status line shows. Reports of inline expressions and of cells not running are not passed on.
    public var onProgress: @Sendable (Int, ProgressUpdate) -> Void = { _, _ in }

    /// Creates an executor.
    public init(toolchain: Toolchain, lessonKit: LessonKitLocation, limits: RunLimits, workingDirectory: String) {
        self.toolchain = toolchain
        self.lessonKit = lessonKit
        self.limits = limits
        self.workingDirectory = workingDirectory
    }

    /// Runs every cell of `lesson` with `seed`; `onCellStart` is called with each cell index as it starts.
    /// - Returns: one output per cell, in order.
    public func run(_ lesson: Lesson, seed: UInt64, onCellStart: @escaping (Int) -> Void = { _ in })
        throws(ExecutionError) -> [CellOutput]
    {
        try execute(lesson, seed: seed, onCellStart: onCellStart).cells
    }

    /// Runs every cell and inline expression of `lesson` with `seed`; `onCellStart` is called with each cell
    /// index as it starts.
    ///
    /// An inline expression that does not compile or stops the program is left out and the lesson runs again
    /// without it, so its failure costs nothing but its own value.
    public func execute(_ lesson: Lesson, seed: UInt64, onCellStart: @escaping (Int) -> Void = { _ in })
        throws(ExecutionError) -> LessonRunResult
    {
        try execute(lesson, seed: seed, onCellStart: onCellStart, prebuilt: nil, compileOnlyInto: nil).result!
    }

    /// Compiles `lesson` once into `directory` (compile errors resolved by the failure policy, inline
    /// expressions left out), to run many times with ``execute(_:seed:program:)`` (grading's checker, and each
    /// submission's program).
    public func compile(_ lesson: Lesson, into directory: String) throws(ExecutionError) -> CompiledProgram {
        try execute(lesson, seed: 0, onCellStart: { _ in }, prebuilt: nil, compileOnlyInto: directory).program!
    }

    /// Runs a program made by ``compile(_:into:)``; a cell that fails at run time is resolved by the failure
    /// policy as in ``execute(_:seed:onCellStart:)`` (an isolated cell left out re-runs the same executable).
    public func execute(_ lesson: Lesson, seed: UInt64, program: CompiledProgram) throws(ExecutionError) -> LessonRunResult {
        try execute(lesson, seed: seed, onCellStart: { _ in }, prebuilt: program, compileOnlyInto: nil).result!
    }

    private func execute(
        _ lesson: Lesson, seed: UInt64, onCellStart: @escaping (Int) -> Void, prebuilt: CompiledProgram?,
        compileOnlyInto: String?
    ) throws(ExecutionError) -> (result: LessonRunResult?, program: CompiledProgram?) {
        let cellCount = lesson.cells.count
        let onCellStart: (Int) -> Void = { index in if index < cellCount { onCellStart(index) } }
        // Private, and named without the lesson's name: any file name works, and nothing is left on any exit.
        let folder = try TemporaryFolder.make()
        defer { folder.remove() }
        let directory = folder.path

        let cells = lesson.cells
        var decided: [Int: CellOutput] = [:]
        var omitted: Set<Int> = []
        var replaced: [Int: String] = [:]
        var limit = cells.count
        var collected: [Int: CellOutput] = [:]
        var stopper: CodeCell?
        var omittedInline: Set<Int> = []
        var inlineOutcomes: [Int: InlineOutcome] = [:]
        var programRuns = 0
        var compiledFromCache = 0
        // What the executable on disk was compiled with; a re-run may reuse it if only isolated cells dropped out.
        var compiled: (omitted: Set<Int>, replaced: [Int: String], limit: Int, omittedInline: Set<Int>)?
        var executable = directory + "/lesson"
        // The source of the program last compiled (what the training cache knows it by).
        var programSource = ""
        // A program numbered independently of the lesson's layout can be cached; grading's programs (isolated test
        // cells, a sandboxed compile) keep the lesson's own line numbers, which its checker reads, and so does a
        // program compiled to run many times (``CompiledProgram`` does not carry a line map to its runs).
        let layoutIndependent = compileSandbox == nil && isolatedCells.isEmpty && prebuilt == nil
            && compileOnlyInto == nil && !ProgramAssembler.usesLineDirectives(lesson)
        let programCache = layoutIndependent ? self.programCache : nil
        // How the program's lines map to the lesson's (nil: they are the lesson's).
        var lineMap: ProgramLineMap?
        if let compileOnlyInto {
            // Everything but the cells: a program compiled to run many times leaves the prose's values out.
            omittedInline = Set(lesson.inlineExpressions.map(\.index))
            executable = compileOnlyInto + "/lesson"
        }
        if let prebuilt {
            (decided, omitted, replaced, limit, omittedInline) =
                (prebuilt.decided, prebuilt.omitted, prebuilt.replaced, prebuilt.limit, prebuilt.omittedInline)
            compiled = (omitted, replaced, limit, omittedInline)
            executable = prebuilt.executable
        }
        while limit > 0 {
            let included = cells[0..<limit]
            let source = (compileOnlyInto ?? directory) + "/main.swift"
            let reusable = compiled.map { compiled in
                compiled.limit == limit && compiled.replaced == replaced && compiled.omittedInline == omittedInline
                    && compiled.omitted.isSubset(of: omitted)
                    && omitted.subtracting(compiled.omitted).isSubset(of: isolatedCells)
            } ?? false
            if !reusable {
                let (program, map) = ProgramAssembler.program(
                    for: lesson, cells: included, omitted: omitted, replaced: replaced, isolated: isolatedCells,
                    omittedInline: omittedInline, timeouts: timeouts(of: lesson, cells: included),
                    layoutIndependent: layoutIndependent)
                programSource = program
                lineMap = map
                do {
                    try program.write(toFile: source, atomically: false, encoding: .utf8)
                } catch {
                    throw .fileSystem("cannot write \(source): \(error)")
                }
                // A shared program is never rebuilt in place: a rebuild goes to this run's own folder.
                if prebuilt != nil { executable = directory + "/lesson" }
                var compiler = SwiftCompiler(toolchain: toolchain, lessonKit: lessonKit)
                compiler.moduleName = SwiftCompiler.moduleName(for: lesson.displayPath)
                compiler.optimize = optimize
                compiler.sandbox = compileSandbox
                let cacheKey = programCache.map { cache in
                    cache.key(program: program, arguments: [toolchain.compiler] + compiler.arguments(source: "main.swift", executable: "lesson"),
                        libraryDirectory: lessonKit.libraryDirectory)
                }
                var errors: [CompilerDiagnostic] = []
                if let programCache, let cacheKey, programCache.restore(cacheKey, to: executable) {
                    compiledFromCache += 1
                } else {
                    errors = try compiler.compile(source: source, executable: executable, workDirectory: directory).errors
                    if let map = lineMap { errors = errors.map { $0.mappingLines(map, file: ProgramAssembler.fileName(for: lesson)) } }
                    if errors.isEmpty, let programCache, let cacheKey { programCache.store(executable, key: cacheKey) }
                }
                let inlineFailures = inlineCompileFailures(errors, in: lesson, cells: included, omitted: omittedInline)
                if !inlineFailures.isEmpty {
                    for (index, outcome) in inlineFailures {
                        inlineOutcomes[index] = outcome
                        omittedInline.insert(index)
                    }
                    continue
                }
                if !errors.isEmpty {
                    let (cell, cellErrors) = firstFailingCell(errors, in: lesson, among: included, omitted: omitted)
                    let text = cellErrors.map(\.text).joined(separator: "\n")
                    let first = cellErrors.first.map { lesson.location(line: $0.line, column: $0.column) }
                        ?? lesson.location(line: cell.openingFenceLine)
                    let output = CellOutput(
                        outcome: .failed(
                            message: "cell '\(cell.id)' does not compile: \(cellErrors.first?.message ?? text)",
                            location: first, isFatal: true),
                        items: [.error(text)])
                    switch resolve(cell, output, replaced: replaced) {
                    case .omit(let output):
                        decided[cell.index] = output
                        omitted.insert(cell.index)
                    case .replace(let source, let output):
                        decided[cell.index] = output
                        replaced[cell.index] = source
                    case .stop:
                        decided[cell.index] = output
                        omitted.insert(cell.index)
                        limit = cell.index
                        stopper = cell
                    }
                    continue
                }
                compiled = (omitted, replaced, limit, omittedInline)
                if compileOnlyInto != nil {
                    try? FileManager.default.removeItem(atPath: source)
                    return (nil, CompiledProgram(
                        executable: executable, decided: decided, omitted: omitted, replaced: replaced, limit: limit,
                        omittedInline: omittedInline))
                }
            }
            // Cells left out since the last compile are isolated test cells: the same executable runs without them.
            let skipping = omitted.subtracting(compiled?.omitted ?? omitted)
            let cache = prebuilt == nil ? trainingCache?.environment(program: programSource, seed: seed, skipped: skipping) : nil
            let run = try runProgram(executable, lesson: lesson, cells: included, seed: seed, directory: directory,
                skipping: skipping, extraEnvironment: cache ?? [:], onCellStart: onCellStart)
            programRuns += 1
            var collector = ResultCollector(
                lesson: lesson, directory: directory, limits: limits, workingDirectory: workingDirectory)
            collector.lineMap = lineMap
            collected = collector.outputs(for: included, run: run, omitted: omitted)
            let reached = ProgramAssembler.includedInline(of: lesson, cells: included)
                .filter { !omittedInline.contains($0.index) }
            let inline = collector.inlineOutcomes(for: reached, run: run)
            inlineOutcomes.merge(inline.outcomes) { _, new in new }
            if let crashed = inline.stopper {
                // The expression stopped the program: leave it out and run the lesson again.
                omittedInline.insert(crashed)
                collected = [:]
                continue
            }
            guard let failed = firstFatalFailure(in: included, collected) else { break }
            if resolveRunFailure(failed, collected, decided: &decided, omitted: &omitted, replaced: &replaced) { continue }
            break
        }
        let inlineValues = lesson.inlineExpressions.map { inlineOutcomes[$0.index] ?? .notRun }
        let cellOutputs = cells.map { cell in
            if var output = decided[cell.index] ?? collected[cell.index] {
                if cell.options.expectError, output.outcome == .succeeded {
                    output.outcome = .failed(
                        message: "cell '\(cell.id)' is marked `error: true` but ran without an error",
                        location: lesson.location(line: cell.openingFenceLine), isFatal: false)
                    output.items.append(.error(
                        "\(lesson.location(line: cell.openingFenceLine)): error: cell '\(cell.id)' is marked `error: true` but ran without an error"))
                }
                return output
            }
            let reason = stopper.map {
                "not run: cell '\($0.id)' (\(lesson.location(line: $0.openingFenceLine))) does not compile"
            } ?? "not run"
            return CellOutput(outcome: .notRun(reason: reason))
        }
        if compileOnlyInto != nil {
            // Nothing compiled: every cell was left out.
            return (nil, CompiledProgram(
                executable: executable, decided: decided, omitted: omitted, replaced: replaced, limit: 0,
                omittedInline: omittedInline))
        }
        var result = LessonRunResult(cells: cellOutputs, inlineValues: inlineValues)
        result.programRuns = programRuns
        result.programsFromCache = compiledFromCache
        return (Self.namingTheLesson(result, lesson), nil)
    }

    /// `result` with the program's name for the lesson file (``ProgramAssembler/fileName(for:)``) turned back into
    /// its display path wherever the compiler, the runtime or a check wrote it.
    private static func namingTheLesson(_ result: LessonRunResult, _ lesson: Lesson) -> LessonRunResult {
        let programName = ProgramAssembler.fileName(for: lesson)
        guard programName != lesson.displayPath else { return result }
        let text = { (text: String) in text.replacingOccurrences(of: programName, with: lesson.displayPath) }
        let location = { (location: SourceLocation) in
            var location = location
            if location.file == programName { location.file = lesson.displayPath }
            return location
        }
        var result = result
        result.cells = result.cells.map { $0.rewriting(text: text, location: location) }
        result.inlineValues = result.inlineValues.map { $0.rewriting(text: text, location: location) }
        return result
    }

    /// Compiler errors on the lines of inline expressions in the program, as failures of those expressions.
    private func inlineCompileFailures(
        _ errors: [CompilerDiagnostic], in lesson: Lesson, cells: ArraySlice<CodeCell>, omitted: Set<Int>
    ) -> [Int: InlineOutcome] {
        var failures: [Int: InlineOutcome] = [:]
        let candidates = ProgramAssembler.includedInline(of: lesson, cells: cells).filter { !omitted.contains($0.index) }
        for error in errors where error.file == ProgramAssembler.fileName(for: lesson) {
            // Each expression is compiled on a line of its own, indented to its column in the lesson.
            let onLine = candidates.filter { $0.line == error.line }
            guard let expression = onLine.last(where: { $0.codeColumn <= error.column }) ?? onLine.first,
                failures[expression.index] == nil
            else { continue }
            let first = error
            failures[expression.index] = .failed(
                message: "inline expression `\(expression.code)` does not compile: \(first.message)",
                location: lesson.location(line: expression.line, column: first.column))
        }
        return failures
    }

    /// The first cell whose run failed fatally (the program stopped there).
    private func firstFatalFailure(in cells: ArraySlice<CodeCell>, _ collected: [Int: CellOutput]) -> CodeCell? {
        cells.first { cell in
            if case .failed(_, _, true) = collected[cell.index]?.outcome { return true } else { return false }
        }
    }

    /// Applies the policy to a cell that failed at run time; `true` when the lesson should run again.
    private func resolveRunFailure(
        _ failed: CodeCell, _ collected: [Int: CellOutput], decided: inout [Int: CellOutput], omitted: inout Set<Int>,
        replaced: inout [Int: String]
    ) -> Bool {
        switch resolve(failed, collected[failed.index]!, replaced: replaced) {
        case .omit(let output):
            decided[failed.index] = output
            omitted.insert(failed.index)
            return true
        case .replace(let source, let output):
            decided[failed.index] = output
            replaced[failed.index] = source
            return true
        case .stop:
            return false
        }
    }

    /// The policy's decision, except that a cell is replaced at most once (a failing replacement is left out).
    private func resolve(_ cell: CodeCell, _ output: CellOutput, replaced: [Int: String]) -> FailureResolution {
        let resolution = failurePolicy(cell, output)
        if case .replace(_, let output) = resolution, replaced[cell.index] != nil { return .omit(output: output) }
        return resolution
    }

    private func runProgram(
        _ executable: String, lesson: Lesson, cells: ArraySlice<CodeCell>, seed: UInt64, directory: String,
        skipping skipped: Set<Int>, extraEnvironment runEnvironment: [String: String],
        onCellStart: @escaping (Int) -> Void
    ) throws(ExecutionError) -> ProgramRun.Result {
        var timeouts = timeouts(of: lesson, cells: cells)
        for expression in ProgramAssembler.includedInline(of: lesson, cells: cells) {
            timeouts[ProgramAssembler.regionIndex(of: expression, in: lesson)] =
                lesson.frontMatter.timeout ?? limits.defaultCellTimeout
        }
        let cpuSeconds = Int(timeouts.values.reduce(0, +) * 2) + 30
        let resourceLimits = ResourceLimitSpec(
            cpuSeconds: cpuSeconds, addressSpaceBytes: limits.memoryBytes, fileSizeBytes: limits.outputBytes,
            processes: limits.processes, openFiles: limits.openFiles)
        let group = ResourceGroup.create(name: UUID().uuidString.prefix(8).lowercased(), processes: limits.processes)
        defer { group?.destroy() }
        var environment = ProcessInfo.processInfo.environment
        environment[RuntimeEnvironment.seed] = String(seed)
        environment[RuntimeEnvironment.lessonFile] = lesson.displayPath
        environment[RuntimeEnvironment.skippedCells] = skipped.sorted().map(String.init).joined(separator: ",")
        // One BLAS thread unless the user chose otherwise: the course's matrices are small, and OpenBLAS's helper
        // threads spin on sched_yield for a core. Beside other work (a second lesson of `--jobs 2`, a build) that
        // made a PixelCNN epoch 5x slower (25.8 s against 4.9 s for five epochs at load 10).
        if environment["OPENBLAS_NUM_THREADS"] == nil { environment["OPENBLAS_NUM_THREADS"] = "1" }
        environment.merge(extraEnvironment) { _, extra in extra }
        environment.merge(runEnvironment) { _, extra in extra }
        var run = ProgramRun(
            executable: executable, outputDirectory: directory, workingDirectory: workingDirectory,
            environment: environment, timeouts: timeouts, limits: resourceLimits, processGroup: group)
        run.onCellStart = onCellStart
        run.timeoutsInCPUTime = timeoutsInCPUTime
        let cellCount = lesson.cells.count, onProgress = onProgress
        run.onProgress = { index, update in if index < cellCount { onProgress(index, update) } }
        return try run.run()
    }

    /// Each cell's timeout in seconds: its own, the lesson's, or the default.
    public func timeouts(of lesson: Lesson, cells: ArraySlice<CodeCell>) -> [Int: Double] {
        var timeouts: [Int: Double] = [:]
        for cell in cells {
            timeouts[cell.index] = cell.options.timeout ?? lesson.frontMatter.timeout ?? limits.defaultCellTimeout
        }
        return timeouts
    }

    /// The first cell with compiler errors, and its errors (errors outside every cell go to the first cell).
    private func firstFailingCell(
        _ errors: [CompilerDiagnostic], in lesson: Lesson, among cells: ArraySlice<CodeCell>, omitted: Set<Int>
    ) -> (CodeCell, [CompilerDiagnostic]) {
        let candidates = cells.filter { !omitted.contains($0.index) }
        for cell in candidates {
            let mine = errors.filter {
                $0.file == ProgramAssembler.fileName(for: lesson) && $0.line >= cell.firstSourceLine && $0.line < cell.closingFenceLine
            }
            if !mine.isEmpty { return (cell, mine) }
        }
        return (candidates.first ?? cells.first!, errors)
    }
}
