import Foundation
import LessonExecution
import LessonModel
import LessonParsing
import Testing
import TestSupport

/// Runs lesson text through the real compiler and LessonKit built next to the test binary.
struct ExecutionHarness {
    var limits = RunLimits()
    /// Where compiled programs are kept (nil: every run compiles).
    var programCache: ProgramCache?
    /// Compile cells with `-O`.
    var optimize = false

    func run(_ body: String, file: String = "Lessons/t.md") throws -> (Lesson, [CellOutput]) {
        let (lesson, result) = try execute(body, file: file)
        return (lesson, result.cells)
    }

    /// Runs the cells and inline expressions of `body`.
    func execute(_ body: String, file: String = "Lessons/t.md") throws -> (Lesson, LessonRunResult) {
        let lesson = try self.lesson(body, file: file)
        return (lesson, try executor().execute(lesson, seed: 1))
    }

    /// `body` parsed as a lesson, after four lines of front matter.
    func lesson(_ body: String, file: String = "Lessons/t.md") throws -> Lesson {
        let text = "---\ntitle: T\nseed: 1\n---\n" + body
        let (parsed, problems) = LessonParser.parse(Array(text.utf8), displayPath: file)
        return try #require(parsed, "\(problems)")
    }

    /// The executor the harness runs lessons with.
    func executor() throws -> LessonExecutor {
        let location = try LessonKitLocation.locate(executable: BuildProducts.lessonsExecutable)
        var executor = LessonExecutor(
            toolchain: try Toolchain.locate(cacheDirectory: nil), lessonKit: location, limits: limits,
            workingDirectory: FileManager.default.temporaryDirectory.path)
        executor.programCache = programCache
        executor.optimize = optimize
        return executor
    }
}

extension CellOutput {
    /// Everything the cell printed to standard output.
    var standardOutput: String {
        items.compactMap { if case .standardOutput(let text) = $0 { text } else { nil } }.joined()
    }

    /// The runner's error texts.
    var errors: [String] {
        items.compactMap { if case .error(let text) = $0 { text } else { nil } }
    }

    /// The failure message and location, if the cell failed.
    var failure: (message: String, location: String, fatal: Bool)? {
        if case .failed(let message, let location, let fatal) = outcome { return (message, "\(location)", fatal) }
        return nil
    }

    var isNotRun: Bool {
        if case .notRun = outcome { true } else { false }
    }
}
