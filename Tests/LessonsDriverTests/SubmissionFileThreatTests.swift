import Foundation
import Testing
import TestSupport

/// Submissions are files, not links (docs/grading.md, "Threat model"): what `lessons grade` does with
/// symbolic links, special files, hard links, oversized files, odd student names and folders it cannot
/// grade, and what reaches the feedback folders and the CSV export. Each attack's submission would earn
/// points, hang the grader or hide a student if the defence were missing.
@Suite(.serialized) struct SubmissionFileThreatTests {
    /// A class where zoe submitted an honest, correct answer (5 of 5 points).
    func classWithZoe() throws -> GradingClass {
        let grading = try GradingClass()
        try grading.submit("zoe", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        return grading
    }

    /// `submissions/<student>/`, created.
    func folder(_ grading: GradingClass, _ student: String) throws -> URL {
        let folder = grading.submissions.appendingPathComponent(student)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func grade(_ grading: GradingClass, _ arguments: [String] = ["submissions"]) throws -> LessonsCommandRunner.Result {
        try grading.lessons.run(["grade", "--lesson", "means.md"] + arguments)
    }

    /// The feedback page in `feedback/<folder>/means.html`, after running `lessons feedback`.
    func feedbackPage(_ grading: GradingClass, folder: String) throws -> String {
        _ = try grading.lessons.run(["feedback", "--out", "feedback"])
        return try String(
            contentsOf: grading.project.root.appendingPathComponent("feedback/\(folder)/means.html"), encoding: .utf8)
    }

    // MARK: Names map to distinct folders and rows

    @Test func namesThatLookAlikeGetTheirOwnFeedbackFolders() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("a x", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        try grading.submit("a_x", mean: "return 0", variance: FixtureClass.correctVariance)
        #expect(try grade(grading).status == 0)
        #expect(try grading.totals() == ["a x": "5", "a_x": "2"])
        #expect(try grading.lessons.run(["feedback", "--out", "feedback"]).status == 0)
        #expect(try feedbackPage(grading, folder: "a%20x").contains("Total: 5 points"))
        #expect(try feedbackPage(grading, folder: "a_x").contains("Total: 2 points"))
    }

    @Test func namesEqualIgnoringCaseStopFeedbackNamingBoth() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("Ann", mean: nil)
        try grading.submit("ann", mean: nil)
        #expect(try grade(grading).status == 0)
        let feedback = try grading.lessons.run(["feedback", "--out", "feedback"])
        #expect(feedback.status == 1, "on a case-insensitive disk the two would share a folder")
        #expect(feedback.standardError.contains("'Ann'") && feedback.standardError.contains("'ann'"),
            "\(feedback.standardError)")
    }

    // MARK: CSV cells are text

    @Test func csvCellsCannotBecomeFormulas() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("=1+1", mean: nil)
        #expect(try grade(grading).status == 0)
        #expect(try grading.lessons.run([
            "grades", "set", "--student", "+cmd|' /C calc'!A0,\"x\"", "--lesson", "means", "--exercise", "explain",
            "--points=-1",
        ]).status == 0)
        let csv = try grading.lessons.run(["grades", "export", "--csv"]).standardOutput
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.contains("'=1+1,means,TOTAL,0,5,0,0,0"), "\(csv)")
        #expect(lines.contains("\"'+cmd|' /C calc'!A0,\"\"x\"\"\",means,explain,0,0,-1,0,-1"),
            "quoted, neutralised; numbers stay plain: \(csv)")
        #expect(!lines.contains { $0.hasPrefix("=") || $0.hasPrefix("+") }, "\(csv)")
    }
}
