import Grading
import LessonModel
import LessonParsing
import Testing

@Suite struct ScoringTests {
    let lesson: Lesson
    let markup: GradingMarkup

    init() throws {
        let text = "---\ntitle: T\n---\n\n```{swift}\n//| exercise: e\nfunc f() -> Int {\n// BEGIN SOLUTION\nreturn 1\n// END SOLUTION\n}\n```\n\n```{swift}\n//| test: e\n//| points: 4\n```\n"
        lesson = try #require(LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0)
        markup = GradingMarkupParser.parse(lesson).0
    }

    func score(_ outcome: CellOutcome, credit: Double? = nil, stderr: Bool = false) -> TestResult {
        var test = CellOutput(outcome: outcome, items: stderr ? [.standardError("warning: deprecated\n")] : [])
        test.credit = credit
        return Scoring.results(markup: markup, lesson: lesson, outputs: [CellOutput(outcome: .succeeded), test],
            exerciseFailures: [:])[0]
    }

    @Test func passingGetsThePointsAndStandardErrorCostsNothing() {
        #expect(score(.succeeded, stderr: true).points == 4)
    }

    @Test func partialCreditScalesAndZeroIsZero() {
        #expect(score(.succeeded, credit: 0.25).points == 1)
        #expect(score(.succeeded, credit: 0).points == 0)
        #expect(score(.succeeded, credit: 0).message == "partial credit: 0% of the points")
    }

    @Test func failuresGetZeroWithTheirReason() {
        let failure = score(.failed(message: "check failed: expected 2, got 3", location: lesson.location(line: 9), isFatal: false))
        #expect(failure.points == 0)
        #expect(failure.message == "check failed: expected 2, got 3 (Lessons/t.md:9:1)")
        #expect(score(.notRun(reason: "not run: cell 'x' stopped the lesson")).points == 0)
    }
}
