import Foundation
import Grading
import LessonExecution
import LessonModel
import LessonParsing
import Testing
import TestSupport

@Suite(.serialized) struct GradeSubmissionTests {
    let grader: SubmissionGrader
    let released: String

    init() throws {
        grader = try GradingStyleLesson.grader(for: FixtureClass.instructor, displayPath: "Lessons/means.md")
        released = String(decoding: StudentCopy.make(from: grader.instructor, markup: grader.markup), as: UTF8.self)
    }

    func grade(_ text: String) throws -> GradeReport {
        try grader.grade(student: "s", bytes: Array(text.utf8), displayPath: "submissions/s/means.md")
    }

    func points(_ report: GradeReport) -> [String: Double] {
        report.results.reduce(into: [:]) { $0[$1.exerciseId, default: 0] += $1.points }
    }

    @Test func correctSubmissionGetsEveryPoint() throws {
        let report = try grade(FixtureClass.submission(
            released: released, mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance))
        #expect(report.points == 5, "\(report.results)")
        #expect(report.maxPoints == 5)
        #expect(report.tampering.isEmpty)
    }

    @Test func partialSubmissionKeepsTheRightExercise() throws {
        let report = try grade(FixtureClass.submission(
            released: released, mean: FixtureClass.correctMean, variance: "return 0"))
        #expect(points(report) == ["mean": 3, "variance": 1], "variance of a constant is 0 by accident")
    }

    @Test func emptySubmissionGetsNothing() throws {
        let report = try grade(released)
        #expect(report.points == 0)
        #expect(report.results.allSatisfy { !$0.message.isEmpty })
    }

    @Test func nonCompilingExerciseCostsOnlyItsOwnTests() throws {
        let report = try grade(FixtureClass.submission(
            released: released, mean: "return \"two\"", variance: FixtureClass.correctVariance))
        #expect(points(report) == ["mean": 0, "variance": 2])
        #expect(report.exerciseFailures["mean"]?.contains("does not compile") == true)
    }

    @Test func crashingExerciseCostsOnlyItsOwnTests() throws {
        let report = try grade(FixtureClass.submission(
            released: released, mean: "return xs[xs.count]", variance: FixtureClass.correctVariance))
        #expect(points(report) == ["mean": 0, "variance": 2])
    }

    @Test func loopingExerciseTimesOutAndCostsOnlyItsOwnTests() throws {
        let report = try grade(FixtureClass.submission(
            released: released, mean: "while true {}\nreturn 0", variance: FixtureClass.correctVariance))
        #expect(points(report) == ["mean": 0, "variance": 2])
        #expect(report.results.first { $0.exerciseId == "mean" }?.message.contains("time limit") == true)
    }

    @Test func tamperingIsReportedAndTheOriginalTestsRun() throws {
        var text = FixtureClass.submission(released: released, mean: "return 0", variance: FixtureClass.correctVariance)
        text = text.replacingFirst(
            "Swift.precondition(abs(mean([1, 2, 3]) - 2) < 1e-9, \"mean of [1, 2, 3] should be 2\")", with: "print(\"pass\")")
        let report = try grade(text)
        #expect(points(report) == ["mean": 0, "variance": 2])
        #expect(report.tampering.count == 1)
        #expect(report.tampering.first?.contains("was changed") == true)
    }

    @Test func hiddenTestsAreNamedButTheirCodeIsNotInTheMessages() throws {
        let report = try grade(FixtureClass.submission(released: released, mean: "return 0", variance: "return 0"))
        let hidden = report.results.filter(\.isHidden)
        #expect(hidden.count == 2)
        #expect(hidden.allSatisfy { !$0.message.contains("precondition(") })
    }
}

/// A private folder is private itself; the parents it needs are made with the usual permissions (a 0700 parent
/// would hide what is made in it later from the sandbox's user).
@Suite struct PrivateFolderTests {
    @Test func missingParentsAreNotMadePrivate() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("private-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = try SubmissionGrader.privateFolder(in: base.appendingPathComponent("parent").path, named: "x")
        let mode = { (path: String) in ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1 }
        #expect(mode(folder) == 0o700)
        #expect(mode(base.appendingPathComponent("parent").path) & 0o005 == 0o005, "others can search the parent")
    }
}
