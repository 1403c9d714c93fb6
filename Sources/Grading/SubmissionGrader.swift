import Crypto
public import Foundation
public import LessonExecution
public import LessonModel
import LessonParsing

/// Grades submissions of one lesson: assemble, run (sandboxed) with a policy that isolates broken cells, score.
public struct SubmissionGrader: Sendable {
    public let instructor: Lesson
    public let markup: GradingMarkup
    public let released: Lesson
    public let executor: LessonExecutor
    /// Fingerprint of the instructor's lesson and the runtime; stored with each grade.
    public let testsHash: String

    /// Prepares grading of `instructor` (whose markup must be valid).
    public init(instructor: Lesson, markup: GradingMarkup, executor: LessonExecutor, environmentHash: String) throws {
        self.instructor = instructor
        self.markup = markup
        let releasedBytes = StudentCopy.make(from: instructor, markup: markup)
        guard let released = LessonParser.parse(releasedBytes, displayPath: instructor.displayPath).0 else {
            throw GradingError.releaseDoesNotParse(instructor.displayPath)
        }
        self.released = released
        var executor = executor
        executor.failurePolicy = Self.policy(markup: markup, instructor: instructor, released: released)
        // Test cells run in their own scope, so a test that crashes is skipped by re-running, not recompiling.
        executor.isolatedCells = Set(markup.tests.map(\.cellIndex))
        self.executor = executor
        var hasher = SHA256()
        hasher.update(data: Data(instructor.source.bytes))
        hasher.update(data: Data(environmentHash.utf8))
        testsHash = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of a submission's bytes, in hexadecimal.
    public static func contentHash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
    }

    /// Grades one submission (`bytes`, shown as `displayPath`) of `student`.
    public func grade(student: String, bytes: [UInt8], displayPath: String) throws -> GradeReport {
        let (parsed, problems) = LessonParser.parse(bytes, displayPath: displayPath)
        let contentHash = Self.contentHash(bytes)
        guard let submission = parsed else {
            // An unreadable submission still gets a grade: zero, with the reason.
            let reason = problems.first.map(\.description) ?? "the submission cannot be read"
            return GradeReport(
                student: student, lesson: instructor.name, contentHash: contentHash, testsHash: testsHash,
                results: Scoring.zero(markup: markup, lesson: instructor, reason: reason), tampering: [],
                exerciseFailures: [:], exerciseCode: [:], sandboxed: executor.sandbox != nil)
        }
        var assembled = SubmissionAssembler.assemble(
            instructor: instructor, markup: markup, released: released, submission: submission)
        assembled.lesson.displayPath = displayPath
        let outputs = try executor.run(assembled.lesson, seed: Fingerprint.seed(for: instructor))
        var failures: [String: String] = [:]
        for exercise in markup.exercises {
            if case .failed(let message, let location, _) = outputs[exercise.cellIndex].outcome {
                failures[exercise.id] = "\(message) (\(location))"
            }
        }
        for id in assembled.missingExercises { failures[id] = "the submission has no cell for exercise '\(id)'" }
        var code: [String: String] = [:]
        for exercise in markup.exercises {
            code[exercise.id] = SubmissionAssembler.codeLines(of: assembled.lesson.cells[exercise.cellIndex].source)
        }
        return GradeReport(
            student: student, lesson: instructor.name, contentHash: contentHash, testsHash: testsHash,
            results: Scoring.results(markup: markup, lesson: instructor, outputs: outputs, exerciseFailures: failures),
            tampering: assembled.tampering, exerciseFailures: failures, exerciseCode: code,
            sandboxed: executor.sandbox != nil)
    }

    /// Grading's failure policy: a broken exercise runs as its released stub; any other failing cell is left out.
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

    public var description: String {
        switch self {
        case .releaseDoesNotParse(let path): "\(path): the student copy does not parse"
        case .invalidMarkup(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
