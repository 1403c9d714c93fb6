import Foundation
@testable import Grading
import LessonModel
import LessonParsing
import Testing

/// Test cells split into a checker (judges) and a submission part (computes): what each side holds.
@Suite struct TestCellSplitTests {
    var symbols: ExerciseSymbols {
        var symbols = ExerciseSymbols()
        symbols.names = ["mean", "posterior", "mixtureMoments", "naiveBayesLogLikelihood", "monteCarloELBO"]
        symbols.tupleResults = ["mixtureMoments": "(mean: Double, variance: Double)"]
        return symbols
    }

    func lineCount(_ text: String) -> Int { text.split(separator: "\n", omittingEmptySubsequences: false).count }

    @Test func aProbeIsTheCallOfTheStudentsCodeNotTheVerdict() {
        let source = "Swift.precondition(abs(mean([1, 2, 3]) - 2) < 1e-9, \"mean of [1, 2, 3] should be 2\")\n"
        let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 4)
        #expect(split.probes.map(\.text) == ["mean([1, 2, 3])"])
        #expect(split.checker.contains("abs((LessonRuntime.replay(4, \"`mean([1, 2, 3])`\", check: 0, mean([1, 2, 3]))) - 2) < 1e-9"))
        #expect(split.checker.hasPrefix("LessonRuntime.judging(0) { Swift.precondition("), "the check counts its executions")
        #expect(split.checker.contains("should be 2"))
        #expect(split.submission.contains("LessonRuntime.record(4, mean([1, 2, 3]))"))
        #expect(!split.submission.contains("should be 2"), "the check's message stays with the checker")
        #expect(!split.submission.contains("1e-9"), "and so does its tolerance")
        #expect(!split.submission.contains("precondition"))
    }

    @Test func theSubmissionComputesTheInputsButNotTheExpectedValue() {
        let source = """
            // BEGIN HIDDEN TESTS
            let hiddenTheta = (0..<64).map { 0.05 + 0.9 * Double($0) / 63 }
            let hiddenImage = (0..<64).map { Double(($0 * 7) % 3 == 0 ? 1 : 0) }
            var hiddenExpected = 0.0
            for j in 0..<64 { hiddenExpected += hiddenImage[j] == 1 ? log(hiddenTheta[j]) : log1p(-hiddenTheta[j]) }
            LessonKit.check(naiveBayesLogLikelihood(hiddenImage, theta: hiddenTheta), approximatelyEquals: hiddenExpected,
                tolerance: 1e-9, "64 pixels")
            // END HIDDEN TESTS

            """
        let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 0)
        #expect(split.submission.contains("let hiddenTheta"))
        #expect(split.submission.contains("let hiddenImage"))
        #expect(!split.submission.contains("hiddenExpected"), "the reference computation is not in the student's program")
        #expect(!split.submission.contains("64 pixels"))
        #expect(split.checker.contains("hiddenExpected"))
        #expect(lineCount(split.submission) == lineCount(source), "lines stay where they were, for diagnostics")
        #expect(lineCount(split.checker) == lineCount(source))
    }

    @Test func tupleResultsKeepTheirLabels() {
        let source = """
            let single = mixtureMoments(weights: [1], means: [3], variances: [2])
            LessonKit.check([single.mean, single.variance], approximatelyEquals: [3, 2], tolerance: 1e-12, "one component")
            """
        let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 0)
        #expect(split.probes.count == 1, "`single.mean` reads a local, not the exercise")
        #expect(split.checker.contains("as (mean: Double, variance: Double))"))
        #expect(split.submission.contains("as (mean: Double, variance: Double))"))
    }

    @Test func inoutArgumentsAndLocalsStayInTheProbe() {
        let source = """
            var testGenerator = SeededGenerator(seed: 7)
            let testQ = Normal(mean: 1, standardDeviation: 0.7)
            let estimate = monteCarloELBO(testQ, samples: 20_000, using: &testGenerator, logJoint: model.logJoint)
            LessonKit.check(estimate, approximatelyEquals: model.elbo(testQ), tolerance: 0.15, "20,000 samples")
            """
        let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 0)
        #expect(split.submission.contains("var testGenerator"))
        #expect(split.submission.contains("let testQ"))
        #expect(split.submission.contains("LessonRuntime.record(0, monteCarloELBO(testQ, samples: 20_000, using: &testGenerator"))
        #expect(!split.submission.contains("model.elbo"))
    }

    @Test func membersNamedLikeAnExerciseAreNotProbes() {
        let split = TestCellSplit.split("let m = reference.mean\ncheck(m > 0)\n", symbols: symbols, firstProbe: 0)
        #expect(split.probes.isEmpty)
        #expect(!split.submission.contains("reference"))
    }

    @Test func probesInsideProbesBelongToTheOuterOne() {
        let split = TestCellSplit.split("check(mean([mean([1]), 2]) == 1.5)\n", symbols: symbols, firstProbe: 0)
        #expect(split.probes.map(\.text) == ["mean([mean([1]), 2])"])
    }

    @Test func stringLiteralsEscapeForTheChecker() {
        #expect(TestCellSplit.literal("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    /// Every test cell of the course: the submission part holds no string literal of a check, and both parts
    /// keep every line where it was.
    /// A probe or an object's value that spans several lines keeps its own line breaks, and the statement after it
    /// stays on its line in both parts (before, the padding counted them again: lessons 02 and 05 shifted by one).
    @Test(arguments: 1...4)
    func multiLineProbesAndObjectsKeepEveryLineWhereItWas(lines: Int) {
        let continuation = String(repeating: "\n    + 0", count: lines - 1)
        let sources = [
            // A probe spanning `lines` lines inside a loop's check.
            "for x in [1.0, 2.0] {\n    check(mean([x, x]\(continuation)) == x, \"mean\")\n}\ncheck(true, \"after\")\n",
            // An object built over `lines` lines from the student's code, asked afterwards.
            "let model = Array(repeating: mean([1, 2]), count: 2)\(continuation.replacingOccurrences(of: "+ 0", with: ".map { $0 }"))\n"
                + "check(model.count == 2, \"after\")\n",
        ]
        for source in sources {
            let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 0)
            #expect(lineCount(split.submission) == lineCount(source), "\(source)\n---\n\(split.submission)")
            #expect(lineCount(split.checker) == lineCount(source), "\(source)\n---\n\(split.checker)")
            let line = source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"after\")") }
            let checkerLine = split.checker.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"after\")") }
            #expect(line == checkerLine, "the check after it stays on its line")
        }
    }

    @Test func theCoursesTestCellsSplitWithoutLeakingTheirChecks() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Lessons").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        var cells = 0
        for file in files {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(file)))
            let lesson = try #require(LessonParser.parse(bytes, displayPath: "Lessons/\(file)").0)
            let markup = GradingMarkupParser.parse(lesson).0
            let symbols = ExerciseSymbols.collect(instructor: lesson, markup: markup)
            for test in markup.tests {
                let source = lesson.cells[test.cellIndex].source
                let split = TestCellSplit.split(source, symbols: symbols, firstProbe: 0)
                #expect(!split.probes.isEmpty, "\(file): test cell \(lesson.cells[test.cellIndex].id) examines the student's code")
                let id = "\(file): test cell \(lesson.cells[test.cellIndex].id)"
                #expect(lineCount(split.submission) == lineCount(source), "\(id)\n\(split.submission)")
                #expect(lineCount(split.checker) == lineCount(source), "\(id)\n\(split.checker)")
                for label in Self.checkLabels(in: source) {
                    #expect(!split.submission.contains(label), "\(file): \(label) leaks into the student's program")
                }
                cells += 1
            }
        }
        #expect(cells >= 20)
    }

    /// The last string literal argument of each `check…(` or `precondition(` call (its message).
    static func checkLabels(in source: String) -> [String] {
        var labels: [String] = []
        for line in source.split(separator: "\n") where line.contains("\"") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            guard parts.count >= 3 else { continue }
            let label = String(parts[parts.count - 2])
            if label.count > 3 && !label.contains("\\(") { labels.append("\"" + label + "\"") }
        }
        return labels
    }
}
