import Foundation
import Gradebook
import Grading
import LessonExecution
import LessonModel
import LessonParsing

/// `lessons grade`: grades every submission of one lesson into the gradebook, in parallel, in a sandbox.
public struct GradeAction: Sendable {
    public let layout: ProjectLayout
    public let options: GradeOptions

    /// Creates the action.
    public init(layout: ProjectLayout, options: GradeOptions) {
        self.layout = layout
        self.options = options
    }

    /// Grades; returns the exit code (1 when the lesson or the grading environment is broken).
    public func run() -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        let problems = CheckAction.problems(in: options.lesson, layout: layout)
        problems.forEach { say($0.description) }
        guard !Diagnostic.containsError(problems),
            let bytes = FileManager.default.contents(atPath: options.lesson.path).map(Array.init),
            let instructor = LessonParser.parse(bytes, displayPath: layout.displayPath(of: options.lesson)).0
        else { return 1 }
        let markup = GradingMarkupParser.parse(instructor).0

        var files: [SubmissionFile] = []
        if !options.validateOnly {
            let search: SubmissionSearch
            do {
                search = try SubmissionSearch(
                    paths: options.submissions, lessonName: instructor.name, displayPath: layout.displayPath(of:))
            } catch {
                say("error: \(error)")
                return 1
            }
            search.warnings.forEach { say("warning: \($0)") }
            files = search.found
        }
        if let shard = options.shard {
            let found = files.count
            files = ShardPlan.shard(files, index: shard.index, count: shard.count)
            if files.isEmpty {
                say("warning: shard \(shard.index)/\(shard.count) has no submissions (\(found) found in all)")
            }
        }
        let grader: SubmissionGrader
        // Validating grades no student: it writes no gradebook (a course's CI leaves no file behind).
        let gradebook: Gradebook?
        // Private (0700) folders for the checker and each submission's program, and the sandbox's image.
        // A signal removes them and kills the programs; a killed grader's workspace is swept by the next run.
        ExitCleanup.shared.installSignalHandlers()
        LeftoverSweep.sweep(besideLessonsIn: [])
        var workspace: TemporaryFolder?
        var image: SandboxImage?
        defer {
            workspace?.remove()
            if let image {
                image.remove()
                ExitCleanup.shared.unregister(image.root)
            }
        }
        do {
            var runOptions = RunOptions()
            runOptions.timeout = options.timeout
            runOptions.optimize = options.optimize
            let reporter = ProgressReporter(total: 0)
            let environment = try RunEnvironment.prepare(layout: layout, options: runOptions, reporter: reporter)
            let executor = try environment.executor()
            let folder = try TemporaryFolder.make()
            workspace = folder
            image = try SandboxImage.make(
                lessonKitLibrary: executor.lessonKit.libraryDirectory + "/libLessonKit.so",
                projectRoot: executor.workingDirectory)
            if let image { ExitCleanup.shared.register(image.root) }
            let sandbox = Sandbox.locate(
                readOnlyPaths: [Self.swiftRuntimeDirectory(compiler: executor.toolchain.compiler)],
                imageMounts: image?.mounts ?? [])
            // Warnings about how submissions would run mean nothing when only the instructor's solution runs.
            if options.validateOnly {
                // (nothing to say)
            } else if sandbox == nil {
                say("warning: bubblewrap (bwrap) is not installed: submissions run with resource limits only, NOT sandboxed (apt-get install bubblewrap)")
            } else if getuid() == 0, ResourceGroup.create(name: "probe", processes: 1, memoryBytes: 1 << 20).map({ $0.destroy() }) == nil {
                say("warning: cgroups are not writable: a submission's processes and memory are limited per process only")
            }
            var prepared = try SubmissionGrader(
                instructor: instructor, markup: markup, executor: executor, sandbox: sandbox,
                environmentHash: environment.fingerprint.environment, workspace: folder.path)
            prepared.compileBudgetSeconds = options.compileBudget
            grader = prepared
            if sandbox != nil, !options.validateOnly,
                let closed = CompileSandbox.unreachablePath(toolchain: executor.toolchain, lessonKit: executor.lessonKit)
            {
                say("warning: \(closed) is in a folder the sandbox's users cannot enter: submissions are compiled within "
                    + "their budget but NOT sandboxed (install lessons where others can read it)")
            }
            for test in grader.testsWithoutProbes {
                say("\(instructor.displayPath): warning: test cell '\(test)' calls no code of its exercise: it cannot fail for a wrong answer")
            }
            gradebook = options.validateOnly ? nil : try Gradebook(path: options.gradebook.path)
        } catch {
            say("error: \(error)")
            return 1
        }
        // The instructor's own solution, graded like a submission, must earn every point: otherwise the tests
        // cannot be split for grading as written, and no student should be graded by them.
        do {
            let solution = try grader.grade(
                student: "(instructor)", bytes: instructor.source.bytes, displayPath: instructor.displayPath)
            guard solution.points == solution.maxPoints else {
                say("error: \(instructor.displayPath): the instructor's solution, graded as a submission, earns "
                    + "\(format(solution.points))/\(format(solution.maxPoints)) points:")
                // The instructor sees why a hidden test failed in full (a student only ever sees its reason).
                for result in solution.results where !result.passed {
                    say("  \(result.testId): \(result.instructorDetail.isEmpty ? result.message : result.instructorDetail)")
                }
                return 1
            }
            if options.validateOnly {
                let probes = grader.splits.values.reduce(0) { $0 + $1.probes.count }
                say("\(instructor.displayPath): the instructor's solution earns \(format(solution.points))/"
                    + "\(format(solution.maxPoints)) points through the grader (\(markup.tests.count) test cells, "
                    + "\(probes) values examined)")
                return 0
            }
        } catch {
            say("error: cannot grade the instructor's solution: \(error)")
            return 1
        }

        guard let gradebook else { return 0 }
        let progress = GradeProgress(total: files.count)
        let deadline = instructor.frontMatter.deadline.flatMap { ISO8601DateFormatter().date(from: $0) }
        let penaltyPerDay = instructor.frontMatter.latePenaltyPerDay ?? 0
        let force = options.force
        let outcomes = WorkerPool(width: max(1, options.jobs)).map(files) { file -> (failed: Bool, runs: (Int, Int)) in
            do {
                let bytes: [UInt8], received: Date
                switch try file.read() {
                case .bytes(let read, let modified):
                    (bytes, received) = (read, modified)
                case .rejected(let rejection, let modified):
                    // Recorded like an unreadable submission: 0 points, the reason in every test's message.
                    let received = modified ?? Date()
                    let report = GradeReport.rejected(
                        student: file.student, reason: rejection.description, instructor: instructor, markup: markup,
                        testsHash: grader.testsHash)
                    let penalty = Self.latePenalty(received: received, deadline: deadline, perDay: penaltyPerDay)
                    try ExitCleanup.shared.unlessEnding { try gradebook.record(report, receivedAt: received, latePenalty: penalty) }
                    progress.finished(
                        file.student, summary: "0/\(format(report.maxPoints)) points, rejected: \(rejection)", failed: false)
                    return (false, (0, 0))
                }
                let hash = SubmissionGrader.contentHash(bytes)
                if !force, let graded = try gradebook.gradedHashes(student: file.student, lesson: instructor.name),
                    graded.content == hash, graded.tests == grader.testsHash
                {
                    progress.finished(file.student, summary: "already graded (same submission, same tests)", failed: false)
                    return (false, (0, 0))
                }
                let report = try grader.grade(
                    student: file.student, bytes: bytes, displayPath: layout.displayPath(of: file.url))
                let penalty = Self.latePenalty(received: received, deadline: deadline, perDay: penaltyPerDay)
                try ExitCleanup.shared.unlessEnding { try gradebook.record(report, receivedAt: received, latePenalty: penalty) }
                let summary = "\(format(report.points))/\(format(report.maxPoints)) points"
                    + (report.tampering.isEmpty ? "" : ", tampering reported")
                    + (penalty > 0 ? ", late penalty \(Int(penalty * 100))%" : "")
                progress.finished(file.student, summary: summary, failed: false)
                return (false, (report.submissionRuns, report.checkerRuns))
            } catch {
                progress.finished(file.student, summary: "could not be graded: \(error)", failed: true)
                return (true, (0, 0))
            }
        }
        progress.finish()
        let graded = outcomes.filter { $0.runs.1 > 0 }.count
        if graded > 0 {
            let submissionRuns = outcomes.reduce(0) { $0 + $1.runs.0 }, checkerRuns = outcomes.reduce(0) { $0 + $1.runs.1 }
            say("programs run: \(submissionRuns) of the students' and \(checkerRuns) of the checker for \(graded) submission(s)")
        }
        return outcomes.contains { $0.failed } ? 1 : 0
    }

    /// The Swift runtime libraries next to the compiler (`/opt/swift/usr/lib/swift/linux` beside `/opt/swift/usr/bin`).
    static func swiftRuntimeDirectory(compiler: String) -> String {
        URL(fileURLWithPath: compiler).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib/swift/linux").path
    }

    /// The fraction of points lost: `perDay` for each started day after `deadline`, at most 1.
    static func latePenalty(received: Date, deadline: Date?, perDay: Double) -> Double {
        guard let deadline, received > deadline, perDay > 0 else { return 0 }
        let days = (received.timeIntervalSince(deadline) / 86_400).rounded(.up)
        return min(1, days * perDay)
    }
}

func format(_ points: Double) -> String {
    points == points.rounded() ? String(Int(points)) : String(format: "%.2f", points)
}
