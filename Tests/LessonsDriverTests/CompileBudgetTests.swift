import Foundation
import Testing
import TestSupport

/// The compiler reads the student's source, so it runs sandboxed with a CPU-time budget for the whole submission:
/// expressions the type checker gives up on cost at most the budget, and the other submission graded beside it
/// loses nothing (before, the compiler ran as the grader with no limit, and 25 such expressions held a grading
/// slot for 92 s).
@Suite struct CompileBudgetTests {
    static let hard = "let _ = [1, 2.0, 3].map { $0 * 2 + 1.5 - 3 / 2 * 4 + 1 - 2 * 3 + 4 }.reduce(0) { $0 + $1 * 2 - 1 + 3 / 4 * 2 + 1 }"

    @Test func typeCheckerHardExpressionsCostAtMostTheBudget() throws {
        let grading = try GradingClass()
        let expressions = Array(repeating: Self.hard, count: 10_000).joined(separator: "\n")
        try grading.submit("mallory", mean: "return 2 }\nfunc hard() {\n" + expressions + "\n")
        try grading.submit("honest", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        let start = Date()
        let result = try grading.lessons.run([
            "grade", "--lesson", "means.md", "submissions", "--jobs", "2", "--compile-budget", "8", "--force",
        ])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.status == 0, "\(result.standardError)")
        let totals = try grading.totals()
        #expect(totals["honest"] == "5.00" || totals["honest"] == "5", "\(totals)")
        #expect(totals["mallory"] == "0.00" || totals["mallory"] == "0", "\(totals)")
        #expect(try grading.feedback("mallory").contains("budget of 8 s of CPU time"))
        #expect(elapsed < 90, "10,000 hard expressions took \(elapsed) s to grade")
    }
}
