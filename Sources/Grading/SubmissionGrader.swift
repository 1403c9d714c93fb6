import Crypto
import Foundation
public import LessonExecution
import LessonFingerprint
public import LessonModel
import LessonParsing
import LessonRuntimeProtocol

/// Grades submissions of one lesson the way contest judges do: the submission computes, a checker that holds no
/// student code judges.
///
/// Once per lesson, each test cell is split (``TestCellSplit``) and the checker (the instructor's lesson with every
/// probe replaced by the submission's value) is compiled. For each submission, the student's program (their
/// exercise cells, the locked cells, and the test cells' probes only) is compiled and run once in the sandbox,
/// sending its probe values out; then the checker runs on those values and its checks decide every point.
public struct SubmissionGrader: Sendable {
    public let instructor: Lesson
    public let markup: GradingMarkup
    public let released: Lesson
    /// Compiles and runs the checker, and compiles submissions (trusted programs only run through it).
    public let executor: LessonExecutor
    /// The sandbox submissions run in (nil: resource limits only, and the grader says so).
    public let sandbox: Sandbox?
    /// Fingerprint of the instructor's lesson and the runtime; stored with each grade.
    public let testsHash: String
    /// Each test cell split for grading, by cell index.
    public let splits: [Int: TestCellSplit]
    /// Test cells that examine none of the student's code (they cannot fail for a wrong answer).
    public let testsWithoutProbes: [String]
    /// Every cell split for grading (locked cells that reach the student's code too), by cell index.
    public let lessonSplit: LessonGradingSplit
    private let checkerLesson: Lesson
    private let checker: CompiledProgram
    private let checkerExecutor: LessonExecutor
    private let workspace: String
    /// Clang modules built once, copied into each submission's compile sandbox (nil: compiles start cold).
    private let moduleCache: ModuleCacheSeed?

    /// Prepares grading of `instructor` (whose markup must be valid): splits its test cells and compiles the
    /// checker into `workspace`, a private folder the caller owns and removes.
    public init(
        instructor: Lesson, markup: GradingMarkup, executor: LessonExecutor, sandbox: Sandbox?, environmentHash: String,
        workspace: String
    ) throws {
        self.instructor = instructor
        self.markup = markup
        self.sandbox = sandbox
        self.workspace = workspace
        let releasedBytes = StudentCopy.make(from: instructor, markup: markup)
        guard let released = LessonParser.parse(releasedBytes, displayPath: instructor.displayPath).0 else {
            throw GradingError.releaseDoesNotParse(instructor.displayPath)
        }
        self.released = released
        let symbols = ExerciseSymbols.collect(instructor: instructor, markup: markup)
        let lessonSplit = LessonGradingSplit.make(instructor: instructor, markup: markup, symbols: symbols)
        guard lessonSplit.refusals.isEmpty else { throw GradingError.unsplittableTests(lessonSplit.refusals) }
        self.lessonSplit = lessonSplit
        splits = lessonSplit.cells.filter { lessonSplit.testCells.contains($0.key) }
        testsWithoutProbes = markup.tests.filter { !(lessonSplit.cells[$0.cellIndex]?.reachesStudentCode ?? false) }
            .map { instructor.cells[$0.cellIndex].id }

        var executor = executor
        executor.failurePolicy = Self.policy(markup: markup, instructor: instructor, released: released)
        executor.isolatedCells = Set(markup.tests.map(\.cellIndex))
        self.executor = executor

        // The checker: the instructor's lesson up to its last test cell, each test cell judging received values, the
        // locked cells receiving what the student's code computed, and the exercises' code replaced by traps.
        var checkerLesson = Self.throughLastTest(instructor, markup: markup)
        checkerLesson.inlineExpressions = []
        for (index, split) in lessonSplit.cells { checkerLesson.cells[index].source = split.checker }
        for exercise in markup.exercises where !exercise.isManual {
            checkerLesson.cells[exercise.cellIndex].source = CheckerStub.make(instructor.cells[exercise.cellIndex].source)
        }
        self.checkerLesson = checkerLesson
        var checkerExecutor = executor
        checkerExecutor.timeoutsInCPUTime = true
        let tests = executor.isolatedCells
        checkerExecutor.failurePolicy = { cell, output in tests.contains(cell.index) ? .omit(output: output) : .stop }
        let checkerDirectory = workspace + "/checker"
        try FileManager.default.createDirectory(
            atPath: checkerDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let checker = try checkerExecutor.compile(checkerLesson, into: checkerDirectory)
        let broken = checker.decided.keys.sorted().compactMap { index -> String? in
            guard case .failed(let message, let location, _) = checker.decided[index]?.outcome else { return nil }
            return "\(location): error: the checker does not compile: \(message)"
        }
        self.checker = checker
        guard broken.isEmpty, checker.limit == checkerLesson.cells.count else {
            throw GradingError.checkerDoesNotCompile(broken.isEmpty ? ["the checker does not compile"] : broken)
        }
        self.checkerExecutor = checkerExecutor
        moduleCache = sandbox == nil ? nil : ModuleCacheSeed.build(
            toolchain: executor.toolchain, lessonKit: executor.lessonKit, optimize: executor.optimize)

        var hasher = SHA256()
        hasher.update(data: Data(instructor.source.bytes))
        hasher.update(data: Data(environmentHash.utf8))
        testsHash = hasher.finalize().hexDigits
    }

    /// SHA-256 of a submission's bytes, in hexadecimal.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: Data(bytes)).hexDigits
    }

    /// Grades one submission (`bytes`, shown as `displayPath`) of `student`.
    public func grade(student: String, bytes: [UInt8], displayPath: String) throws -> GradeReport {
        // i21-hidden: option lines the student broke are taken out (the instructor's options rule) and reported.
        let (parsed, problems, ignoredOptions) = SubmissionOptions.parse(bytes, displayPath: displayPath)
        let contentHash = Self.contentHash(bytes)
        guard let submission = parsed else {
            // An unreadable submission still gets a grade: zero, with the reason.
            let reason = problems.first.map(\.description) ?? "the submission cannot be read"
            return rejected(student: student, contentHash: contentHash, reason: reason)
        }
        var assembled = SubmissionAssembler.assemble(
            instructor: instructor, markup: markup, released: released, submission: submission)
        assembled.lesson.displayPath = displayPath
        assembled.tampering = ignoredOptions + assembled.tampering
        var program = Self.throughLastTest(assembled.lesson, markup: markup)
        program.inlineExpressions = []
        for (index, split) in lessonSplit.cells { program.cells[index].source = split.submission }

        let directory = try Self.privateFolder(in: workspace, named: "submission")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A broken exercise costs only its own tests: when the program stops in an exercise cell's top-level code
        // (a trap, an exit, a signal, its time used up), the run is made again with that cell as a stub whose code
        // traps only when called, once per broken exercise.
        let exerciseCells = Dictionary(
            markup.exercises.filter { !$0.isManual }.map { ($0.cellIndex, $0.id) }, uniquingKeysWith: { first, _ in first })
        var stopped: [String: String] = [:]
        // Every compile of this submission runs sandboxed, within one CPU-time budget.
        let compileSandbox = CompileSandbox(
            sandbox: sandbox, toolchain: executor.toolchain, lessonKit: executor.lessonKit,
            budgetSeconds: compileBudgetSeconds, memoryBytes: Self.compileMemoryBytes, moduleCache: moduleCache)
        defer { compileSandbox.close() }
        var executor = self.executor
        executor.compileSandbox = compileSandbox
        var compiled: CompiledProgram
        var run: SubmissionRun.Result
        var submissionRuns = 0
        while true {
            guard let built = try Self.compileWithinBudget(executor, program, into: directory) else {
                return rejected(
                    student: student, contentHash: contentHash,
                    reason: "compiling this submission used up its budget of \(Int(compileBudgetSeconds)) s of CPU time "
                        + "and \(Self.compileMemoryBytes >> 30) GB of memory")
            }
            compiled = built
            run = SubmissionRun.Result()
            if compiled.limit > 0 {
                run = try SubmissionRun(
                    executable: compiled.executable, sandbox: sandbox, workingDirectory: executor.workingDirectory,
                    environment: submissionEnvironment(displayPath: displayPath), limits: limits(of: program),
                    name: UUID().uuidString.prefix(8).lowercased()
                ).run()
                submissionRuns += 1
            }
            guard !run.finished, !run.sentTooMuch, let cell = run.cellOutOfTime ?? run.lastStartedCell,
                let exercise = exerciseCells[cell], stopped[exercise] == nil
            else { break }
            stopped[exercise] = run.cellOutOfTime == cell
                ? "its top-level code ran out of time (\(Int(executor.timeouts(of: program, cells: program.cells[cell...cell])[cell] ?? 0)) s)"
                : "the program stopped in this cell: " + (TrapMessage.message(inText: run.outputTail) ?? "it ended here")
            program.cells[cell].source = CheckerStub.make(
                instructor.cells[cell].source, trap: "fatalError(\"exercise '\(exercise)' stopped the program, so it is not graded\")")
        }
        let valuesFile = directory + "/values.txt"
        try Data(run.values.utf8).write(to: URL(fileURLWithPath: valuesFile))
        var checkerExecutor = checkerExecutor
        checkerExecutor.extraEnvironment[RuntimeEnvironment.probeValues] = valuesFile
        checkerExecutor.extraEnvironment[RuntimeEnvironment.gradingRole] = "checker"
        // i21-hidden: LessonKit's checks in these cells say only "check failed" (no values, no label).
        checkerExecutor.extraEnvironment[RuntimeEnvironment.hiddenCells] = markup.tests
            .filter { !$0.hiddenRegions.isEmpty }.map { String($0.cellIndex) }.joined(separator: ",")
        let verdicts = try checkerExecutor.execute(checkerLesson, seed: Fingerprint.seed(for: instructor), program: checker)
        var outputs = verdicts.cells
        while outputs.count < instructor.cells.count { outputs.append(CellOutput(outcome: .notRun(reason: "not graded"))) }
        let studentLines = StudentLines(instructor: instructor, student: submission)
        let explanation = MissingValueExplanation(
            run: run, lesson: program, compiled: compiled,
            hiddenTests: Set(markup.tests.filter { !$0.hiddenRegions.isEmpty }.map(\.cellIndex)), lines: studentLines)
        for test in markup.tests {
            outputs[test.cellIndex] = explanation.explain(TrapMessage.clarify(outputs[test.cellIndex]), test: test.cellIndex)
        }

        var failures: [String: String] = [:]
        for exercise in markup.exercises {
            if case .failed(let message, let location, _) = compiled.decided[exercise.cellIndex]?.outcome {
                // "cell 'cell-3' does not compile: …" names the runner's cell; the student reads "your code".
                let own = message.replacingOccurrences(
                    of: "cell '\(program.cells[exercise.cellIndex].id)' does not compile", with: "your code does not compile")
                failures[exercise.id] = "\(own) (line \(location.line))"
            } else if let crash = explanation.crash(in: exercise.cellIndex) {
                failures[exercise.id] = crash
            }
        }
        for (id, reason) in stopped { failures[id] = reason }
        for id in assembled.missingExercises { failures[id] = "the submission has no cell for exercise '\(id)'" }
        var code: [String: String] = [:]
        for exercise in markup.exercises {
            code[exercise.id] = SubmissionAssembler.codeLines(of: assembled.lesson.cells[exercise.cellIndex].source)
        }
        var report = GradeReport(
            student: student, lesson: instructor.name, contentHash: contentHash, testsHash: testsHash,
            results: Scoring.results(
                markup: markup, lesson: instructor, outputs: outputs, exerciseFailures: failures, lines: studentLines),
            tampering: assembled.tampering, exerciseFailures: failures, exerciseCode: code,
            sandboxed: sandbox != nil)
        report.submissionRuns = submissionRuns
        report.checkerRuns = verdicts.programRuns
        return report
    }

    /// `program` compiled, or nil when the compiles used up their budget.
    private static func compileWithinBudget(_ executor: LessonExecutor, _ program: Lesson, into directory: String) throws
        -> CompiledProgram?
    {
        do throws(ExecutionError) {
            return try executor.compile(program, into: directory)
        } catch {
            if case .compileBudgetExhausted = error { return nil }
            throw error
        }
    }

    /// CPU seconds all compiles of one submission may take together.
    public var compileBudgetSeconds = 60.0
    /// Memory the compiler may use for one submission.
    public static let compileMemoryBytes = 2 << 30

    /// A zero grade with `reason` for every test (a submission that cannot be read or is refused).
    public func rejected(student: String, contentHash: String, reason: String) -> GradeReport {
        GradeReport(
            student: student, lesson: instructor.name, contentHash: contentHash, testsHash: testsHash,
            results: Scoring.zero(markup: markup, lesson: instructor, reason: reason), tampering: [],
            exerciseFailures: [:], exerciseCode: [:], sandboxed: sandbox != nil)
    }

    /// The submission program's environment: nothing of the grader's own.
    private func submissionEnvironment(displayPath: String) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": executor.workingDirectory, "TMPDIR": "/tmp", "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "SWIFT_BACKTRACE": "enable=no",
            RuntimeEnvironment.seed: String(Fingerprint.seed(for: instructor)),
            RuntimeEnvironment.lessonFile: displayPath,
            RuntimeEnvironment.workingDirectory: executor.workingDirectory,
        ]
    }

    /// One deadline for the whole run: the sum of its cells' timeouts, and a few seconds to start.
    private func limits(of lesson: Lesson) -> SubmissionRun.Limits {
        let timeouts = executor.timeouts(of: lesson, cells: lesson.cells[...])
        var limits = SubmissionRun.Limits(seconds: timeouts.values.reduce(0, +) + 10)
        let tests = Set(markup.tests.map(\.cellIndex))
        limits.cellSeconds = timeouts.filter { !tests.contains($0.key) }
        limits.cpuSeconds = Int(limits.seconds) + 30
        limits.processes = executor.limits.processes
        limits.addressSpaceBytes = executor.limits.memoryBytes
        return limits
    }

    /// `lesson` without the cells after its last test cell (nothing after it can change a grade).
    static func throughLastTest(_ lesson: Lesson, markup: GradingMarkup) -> Lesson {
        var lesson = lesson
        let last = markup.tests.map(\.cellIndex).max() ?? -1
        lesson.cells = Array(lesson.cells.prefix(last + 1))
        return lesson
    }

    /// A new folder only this user can enter.
    public static func privateFolder(in parent: String, named name: String) throws -> String {
        let path = parent + "/" + name + "-" + UUID().uuidString
        // Missing parents get the usual permissions: only the folder itself is private (a 0700 parent would also
        // hide from the sandbox's user whatever is made in it later, such as a sandbox image under TMPDIR).
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// Grading's failure policy: a broken exercise compiles as its released stub; any other broken cell is left out.
    static func policy(markup: GradingMarkup, instructor: Lesson, released: Lesson) -> FailurePolicy {
        var stubs: [Int: String] = [:]
        let releasedExercises = Dictionary(
            released.cells.compactMap { cell in cell.options.exercise.map { ($0, cell.source) } },
            uniquingKeysWith: { a, _ in a })
        for exercise in markup.exercises { stubs[exercise.cellIndex] = releasedExercises[exercise.id] }
        let frozenStubs = stubs
        return { cell, output in
            if let stub = frozenStubs[cell.index] { return .replace(source: stub, output: output) }
            return .omit(output: output)
        }
    }
}

/// Problems that stop grading a lesson altogether.
public enum GradingError: Error, CustomStringConvertible {
    case releaseDoesNotParse(String)
    case invalidMarkup([Diagnostic])
    case checkerDoesNotCompile([String])
    /// Test statements the grader cannot split between the student's program and the checker.
    case unsplittableTests([Diagnostic])

    public var description: String {
        switch self {
        case .releaseDoesNotParse(let path): "\(path): the student copy does not parse"
        case .invalidMarkup(let problems): problems.map(\.description).joined(separator: "\n")
        case .checkerDoesNotCompile(let problems): problems.joined(separator: "\n")
        case .unsplittableTests(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
