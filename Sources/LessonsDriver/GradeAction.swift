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

        let search: SubmissionSearch
        do {
            search = try SubmissionSearch(
                paths: options.submissions, lessonName: instructor.name, displayPath: layout.displayPath(of:))
        } catch {
            say("error: \(error)")
            return 1
        }
        search.warnings.forEach { say("warning: \($0)") }
        var files = search.found
        if let shard = options.shard {
            files = SubmissionFile.shard(files, index: shard.index, count: shard.count)
            if files.isEmpty {
                say("warning: shard \(shard.index)/\(shard.count) has no submissions (\(search.found.count) found in all)")
            }
        }
        let grader: SubmissionGrader
        let gradebook: Gradebook
        do {
            var runOptions = RunOptions()
            runOptions.timeout = options.timeout
            runOptions.optimize = options.optimize
            let reporter = ProgressReporter(total: 0)
            let environment = try RunEnvironment.prepare(layout: layout, options: runOptions, reporter: reporter)
            var executor = try environment.executor()
            executor.sandbox = Sandbox.locate(
                hiding: hiddenPaths(executor: executor),
                keeping: [executor.lessonKit.libraryDirectory, executor.workingDirectory])
            if executor.sandbox == nil {
                say("warning: bubblewrap (bwrap) is not installed: submissions run with resource limits only, NOT sandboxed (apt-get install bubblewrap)")
            }
            grader = try SubmissionGrader(
                instructor: instructor, markup: markup, executor: executor,
                environmentHash: environment.fingerprint.environment)
            gradebook = try Gradebook(path: options.gradebook.path)
        } catch {
            say("error: \(error)")
            return 1
        }

        let progress = GradeProgress(total: files.count)
        let deadline = instructor.frontMatter.deadline.flatMap { ISO8601DateFormatter().date(from: $0) }
        let penaltyPerDay = instructor.frontMatter.latePenaltyPerDay ?? 0
        let force = options.force
        let failures = WorkerPool(width: max(1, options.jobs)).map(files) { file -> Bool in
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
                    try gradebook.record(report, receivedAt: received, latePenalty: penalty)
                    progress.finished(
                        file.student, summary: "0/\(format(report.maxPoints)) points, rejected: \(rejection)", failed: false)
                    return false
                }
                let hash = SubmissionGrader.contentHash(bytes)
                if !force, let graded = try gradebook.gradedHashes(student: file.student, lesson: instructor.name),
                    graded.content == hash, graded.tests == grader.testsHash
                {
                    progress.finished(file.student, summary: "already graded (same submission, same tests)", failed: false)
                    return false
                }
                let report = try grader.grade(
                    student: file.student, bytes: bytes, displayPath: layout.displayPath(of: file.url))
                let penalty = Self.latePenalty(received: received, deadline: deadline, perDay: penaltyPerDay)
                try gradebook.record(report, receivedAt: received, latePenalty: penalty)
                let summary = "\(format(report.points))/\(format(report.maxPoints)) points"
                    + (report.tampering.isEmpty ? "" : ", tampering reported")
                    + (penalty > 0 ? ", late penalty \(Int(penalty * 100))%" : "")
                progress.finished(file.student, summary: summary, failed: false)
                return false
            } catch {
                progress.finished(file.student, summary: "could not be graded: \(error)", failed: true)
                return true
            }
        }
        progress.finish()
        return failures.contains(true) ? 1 : 0
    }

    /// Paths the sandboxed program must not see: the instructor's lesson (its folder when that is safe),
    /// the submissions, and the gradebook.
    private func hiddenPaths(executor: LessonExecutor) -> [String] {
        let needed = [executor.lessonKit.libraryDirectory, executor.workingDirectory, executor.toolchain.compiler]
        func isSafeToHide(_ folder: String) -> Bool {
            !needed.contains { $0 == folder || $0.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") }
        }
        var hidden = [options.lesson.path, options.gradebook.path]
        let lessonFolder = options.lesson.deletingLastPathComponent().path
        if isSafeToHide(lessonFolder) { hidden.append(lessonFolder) }
        for submissions in options.submissions where isSafeToHide(submissions.path) { hidden.append(submissions.path) }
        return hidden
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
