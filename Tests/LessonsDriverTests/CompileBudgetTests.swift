import Foundation
import Testing
import TestSupport

/// The compiler reads the student's source, so it runs sandboxed with a CPU-time budget for the whole submission:
/// expressions the type checker gives up on cost at most the budget, and the other submission graded beside it
/// loses nothing (before, the compiler ran as the grader with no limit, and 25 such expressions held a grading
/// slot for 92 s).
@Suite struct CompileBudgetTests {
    /// About 0.7 s of type checking each, and valid (the compiler stops at the first expression it gives up on,
    /// so a bomb is made of expressions it can still solve).
    static let hard = "let a = [1, 2.0, 3].map { $0 * 2 + 1.5 }.reduce(0) { $0 + $1 * 2 - 1 }\n_ = a"

    @Test func typeCheckerHardExpressionsCostAtMostTheBudget() throws {
        let grading = try GradingClass()
        // One function each: the type checker gives up on one expression and goes on with the next function.
        let expressions = (0..<10_000).map { "func hard\($0)() {\n" + Self.hard + "\n}" }.joined(separator: "\n")
        try grading.submit("mallory", mean: "return 2 }\n" + expressions + "\nfunc unused() {")
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
        let page = try grading.feedback("mallory")
        #expect(page.contains("budget of 8 s of CPU time"), "\(page.suffix(3000))")
        #expect(elapsed < 90, "10,000 hard expressions took \(elapsed) s to grade")
    }
}
