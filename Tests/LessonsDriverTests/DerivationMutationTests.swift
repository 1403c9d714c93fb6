import Foundation
import Testing
import TestSupport

/// The ELBO lesson's derivation is checked by the runner: a sign error in any step fails the run at that
/// step's line. Each derivation step of `Lessons/04-elbo.md` is mutated in turn (its first `-` becomes `+`, or
/// the reverse, or the value is negated) and the lesson is run in a scratch project.
@Suite struct DerivationMutationTests {
    static let lessonURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons/04-elbo.md")

    /// The derivation steps after the first of each chain: lines like `kl.step("= …", expression)`.
    static func stepLines(of text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.contains(".step(\"= ") ? index : nil
        }
    }

    /// The line with a sign error in the step's expression (after its label).
    static func withSignError(_ line: Substring) -> String {
        let labelEnd = line.range(of: "\", ")!.upperBound
        var expression = String(line[labelEnd...])
        if let minus = expression.range(of: " - ") {
            expression.replaceSubrange(minus, with: " + ")
        } else if let plus = expression.range(of: " + ") {
            expression.replaceSubrange(plus, with: " - ")
        } else {
            expression = "-" + expression
        }
        return String(line[..<labelEnd]) + expression
    }

    @Test func theUnchangedLessonPasses() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        _ = try project.write("04-elbo.md", String(contentsOf: Self.lessonURL, encoding: .utf8))
        let result = try LessonsCommandRunner(project: project).run(["run", "Lessons/04-elbo.md", "--force"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func aSignErrorInAnyStepFailsTheRunAtThatStepsLine() throws {
        let original = try String(contentsOf: Self.lessonURL, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let steps = Self.stepLines(of: original)
        #expect(steps.count >= 6, "the derivation should have at least six checked steps")
        for index in steps {
            var mutated = lines.map(String.init)
            mutated[index] = Self.withSignError(lines[index])
            let project = try TemporaryProject()
            defer { project.remove() }
            _ = try project.write("04-elbo.md", mutated.joined(separator: "\n"))
            let result = try LessonsCommandRunner(project: project).run(["run", "Lessons/04-elbo.md"])
            #expect(result.status != 0, "a sign error at line \(index + 1) should fail the run")
            #expect(result.standardError.contains("04-elbo.md:\(index + 1):"),
                "the failure should name line \(index + 1) (\(mutated[index])): \(result.standardError)")
            #expect(result.standardError.contains("does not equal the step before"), "\(result.standardError)")
        }
    }

    /// Issue 24: a step is checked against a computation of its own. A wrong closed form for E_q[log p(z)] or for
    /// E_q[log p(x|z)] must fail the step that splits E_q[log p(z, x)] into them. (When E_q[log p(z, x)] was
    /// defined as their sum, that step equalled the one before it whatever they computed, and a wrong term failed
    /// only the step before, where the joint first appears.)
    @Test(arguments: [
        ("variance: sigma0 * sigma0) }", "variance: sigma0) }"),
        ("data.reduce(0) { $0 + expectedLogNormal(q, mean: $1, variance: sigma * sigma) }",
         "data.reduce(0) { $0 + expectedLogNormal(q, mean: $1, variance: 2 * sigma * sigma) }"),
    ])
    func aWrongTermFailsTheStepThatSplitsTheJoint(find: String, replace: String) throws {
        let original = try String(contentsOf: Self.lessonURL, encoding: .utf8)
        #expect(original.components(separatedBy: find).count == 2, "'\(find)' should occur once in the lesson")
        let splitStep = "elbo.step(\"= E_q[log p(x|z)] + E_q[log p(z)] − E_q[log q(z)]\""
        let cut = try #require(original.range(of: "## The gap is the KL divergence"))
        let text = String(original[..<cut.lowerBound]).replacingOccurrences(of: find, with: replace)
        let run = try ScratchRun(text, name: "04-elbo.md")
        #expect(run.failedLineTexts.contains { $0.contains(splitStep) },
            "the step that splits the joint should fail when '\(find)' becomes '\(replace)'; failed lines: \(run.failedLineTexts)")
    }
}
