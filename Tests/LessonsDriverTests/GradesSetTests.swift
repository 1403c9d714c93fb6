import Foundation
import PropertyBased
import Testing
import TestSupport

/// `grades set` is checked against the lesson and the gradebook (issue 15, item 10).
@Suite(.serialized) struct GradesSetTests {
    func set(_ grading: GradingClass, _ arguments: [String]) throws -> LessonsCommandRunner.Result {
        try grading.lessons.run(["grades", "set"] + arguments)
    }

    static let alice = ["--student", "alice", "--lesson", "means", "--exercise", "explain"]

    @Test func wrongScoresAreRefusedWithTheReason() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("alice", mean: FixtureClass.correctMean)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        let cases: [([String], String)] = [
            (Self.alice + ["--points", "3"], "at most 2"),
            (Self.alice + ["--points=-1"], "at least 0"),
            (Self.alice + ["--points", "inf"], "--points"),
            (["--student", "mallory", "--lesson", "means", "--exercise", "explain", "--points", "1"], "mallory"),
            (["--student", "alice", "--lesson", "nosuch", "--exercise", "explain", "--points", "1"], "nosuch"),
            (["--student", "alice", "--lesson", "means", "--exercise", "nosuch", "--points", "1"], "nosuch"),
            (["--student", "alice", "--lesson", "means", "--exercise", "mean", "--points", "1"], "auto-graded"),
        ]
        for (arguments, reason) in cases {
            let result = try set(grading, arguments)
            #expect(result.status != 0 && result.status < 128, "\(arguments) must fail: \(result.standardError)")
            #expect(result.standardError.contains(reason), "\(arguments): \(result.standardError)")
        }
        let csv = try grading.lessons.run(["grades", "export", "--csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        // Every student has a row for the written answer, with its maximum, and nothing was recorded in it.
        #expect(csv.standardOutput.contains("alice,means,explain,0,0,0,0,0,2\n"), "nothing was recorded: \(csv.standardOutput)")
        #expect(csv.standardOutput.contains("alice,means,TOTAL,3,5,0,0,3,7\n"), "the total's maximum is the lesson's points")
        #expect(!csv.standardOutput.contains("mallory"))

        let recorded = try set(grading, Self.alice + ["--points", "1.5"])
        #expect(recorded.status == 0)
        #expect(recorded.standardError.contains("recorded 1.50 of 2 points for alice, means, exercise explain, in gradebook.sqlite"),
            "\(recorded.standardError)")
        let created = try set(grading, ["--student", "mallory", "--new-student", "--lesson", "means", "--exercise", "explain", "--points", "2"])
        #expect(created.status == 0, "\(created.standardError)")
        let export = try grading.lessons.run(["grades", "export", "--csv"])
        #expect(export.standardOutput.contains("alice,means,explain,0,0,1.50,0,1.50"), "\(export.standardOutput)")
        #expect(export.standardOutput.contains("mallory,means,explain,0,0,2,0,2"), "\(export.standardOutput)")
        #expect(try grading.lessons.run(["feedback", "--out", "feedback"]).status == 0)
    }

    /// Any number: stored exactly when it is a finite score between 0 and the exercise's maximum.
    @Test func pointsAreStoredOnlyWhenInRange() async throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let first = try set(grading, ["--student", "s", "--new-student", "--lesson", "means", "--exercise", "explain", "--points", "0"])
        #expect(first.status == 0, "\(first.standardError)")
        await propertyCheck(count: 30, input: Gen.double(in: -5...5)) { points in
            let value = (points * 4).rounded() / 4
            do {
                let result = try set(grading, ["--student", "s", "--new-student", "--lesson", "means", "--exercise", "explain", "--points=\(value)"])
                #expect((result.status == 0) == (0...2).contains(value), "\(value): \(result.standardError)")
                #expect(try grading.lessons.run(["grades", "export", "--csv"]).status == 0)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
