import Foundation
import Grading
import LessonExecution
import LessonModel
import LessonParsing
import Testing
import TestSupport

/// A one-exercise lesson written in one test style, graded through the real grader (sandbox, checker and all).
struct GradingStyleLesson {
    let instructorText: String
    let solution: String
    let grader: SubmissionGrader

    /// Builds the lesson: `exercise` is the exercise cell's code with `solution` where `SOLUTION` stands, `locked`
    /// a locked cell after it (optional), `tests` the test cells' code (each worth 1 point).
    init(exercise: String, solution: String, locked: String? = nil, tests: [String], hiddenTests: [String] = []) throws {
        self.solution = solution
        instructorText = Self.text(exercise: exercise, solution: solution, locked: locked, tests: tests, hiddenTests: hiddenTests)
        grader = try Self.grader(for: instructorText)
    }

    static func text(exercise: String, solution: String, locked: String?, tests: [String], hiddenTests: [String]) -> String {
        var text = "---\ntitle: Style\nseed: 5\n---\n\n```{swift}\n//| exercise: ex\n"
        text += exercise.replacingOccurrences(of: "SOLUTION", with: "// BEGIN SOLUTION\n" + solution + "\n// END SOLUTION")
        text += "\n```\n\n"
        if let locked { text += "```{swift}\n" + locked + "\n```\n\n" }
        for test in tests { text += "```{swift}\n//| test: ex\n//| points: 1\n//| timeout: 5\n" + test + "\n```\n\n" }
        for test in hiddenTests {
            text += "```{swift}\n//| test: ex\n//| points: 1\n//| timeout: 5\n// BEGIN HIDDEN TESTS\n" + test
                + "\n// END HIDDEN TESTS\n```\n\n"
        }
        return text
    }

    /// A grader (sandboxed, as `lessons grade` makes it) for the instructor's lesson `text`.
    static func grader(for text: String, displayPath: String = "Lessons/style.md") throws -> SubmissionGrader {
        let instructor = try #require(LessonParser.parse(Array(text.utf8), displayPath: displayPath).0)
        let (markup, problems) = GradingMarkupParser.parse(instructor)
        try #require(problems.isEmpty, "\(problems)")
        let location = try LessonKitLocation.locate(executable: BuildProducts.lessonsExecutable)
        var executor = LessonExecutor(
            toolchain: try Toolchain.locate(cacheDirectory: nil), lessonKit: location, limits: RunLimits(),
            workingDirectory: FileManager.default.temporaryDirectory.path)
        executor.optimize = false
        let image = try SandboxImage.make(
            lessonKitLibrary: location.libraryDirectory + "/libLessonKit.so", projectRoot: executor.workingDirectory)
        let sandbox = Sandbox.locate(readOnlyPaths: ["/opt/swift/usr/lib/swift/linux"], imageMounts: image.mounts)
        let workspace = try SubmissionGrader.privateFolder(
            in: BuildProducts.directory.appendingPathComponent("test-projects").path, named: "grading-style")
        return try SubmissionGrader(
            instructor: instructor, markup: markup, executor: executor, sandbox: sandbox, environmentHash: "test",
            workspace: workspace)
    }

    /// The points a submission whose solution is `code` earns.
    func points(for code: String) throws -> Double {
        try report(for: code).points
    }

    func report(for code: String) throws -> GradeReport {
        let text = instructorText.replacingOccurrences(of: solution, with: code)
        return try grader.grade(student: "s", bytes: Array(text.utf8), displayPath: "submissions/s/style.md")
    }

    /// The points of the released copy, unchanged (every solution a stub).
    func pointsOfTheStudentCopy() throws -> Double {
        try grader.grade(student: "s", bytes: Array(grader.released.source.bytes), displayPath: "submissions/s/style.md").points
    }
}
