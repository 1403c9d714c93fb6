import Foundation
import Grading
import LessonModel
import LessonParsing
import Testing

/// Scoring a hidden test: whatever text its outcome holds (a check's values, a trap's message, a compiler
/// diagnostic), its message is one of ``HiddenTestReason``'s sentences; the full text is kept for the instructor
/// only, outside what is stored or encoded.
@Suite struct HiddenScoringTests {
    let lesson: Lesson
    let markup: GradingMarkup

    init() throws {
        let text = """
            ---
            title: T
            ---

            ```{swift}
            //| exercise: e
            func f(_ x: Int) -> Int {
            // BEGIN SOLUTION
            return x * 3
            // END SOLUTION
            }
            ```

            ```{swift}
            //| test: e
            //| points: 4
            // BEGIN HIDDEN TESTS
            checkEqual(f(48179), 144537)
            // END HIDDEN TESTS
            ```

            """
        lesson = try #require(LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0)
        markup = GradingMarkupParser.parse(lesson).0
        try #require(markup.tests.count == 1 && !markup.tests[0].hiddenRegions.isEmpty)
    }

    func score(_ outcome: CellOutcome, exerciseFailure: String? = nil) -> TestResult {
        Scoring.results(
            markup: markup, lesson: lesson, outputs: [CellOutput(outcome: .succeeded), CellOutput(outcome: outcome)],
            exerciseFailures: exerciseFailure.map { ["e": $0] } ?? [:])[0]
    }

    @Test(arguments: [
        "check failed: expected 144537, got 48179",
        "no value from the submission for f(48179) (the test does not compile with this code: integer literal '48179' overflows when stored into 'Int8')",
        "Fatal error: f got 48179",
    ])
    func aHiddenFailureSaysOnlyAFixedReason(_ text: String) throws {
        let result = score(.failed(message: text, location: lesson.location(line: 17), isFatal: false))
        #expect(result.isHidden && result.points == 0)
        #expect(HiddenTestReason(rawValue: result.message) != nil, "\(result.message)")
        #expect(!result.message.contains("48179") && !result.message.contains("144537"))
        #expect(result.instructorDetail.contains(text), "the instructor's terminal can still say why")
        let encoded = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        #expect(!encoded.contains("48179"), "the full text is never encoded: \(encoded)")
    }

    @Test func aHiddenTestsReasonsAreKeptAndOtherTextIsNot() {
        let location = lesson.location(line: 17)
        #expect(score(.failed(message: HiddenTestReason.timedOut.rawValue, location: location, isFatal: false)).message
            == HiddenTestReason.timedOut.rawValue)
        #expect(score(.notRun(reason: "not run: cell 'x' (48179) stopped the lesson")).message == HiddenTestReason.notRun.rawValue)
        #expect(score(.failed(message: "x", location: location, isFatal: false), exerciseFailure: "error: 48179").message
            == HiddenTestReason.exerciseUnusable.rawValue)
        #expect(score(.succeeded).message.isEmpty && score(.succeeded).points == 4)
    }
}
