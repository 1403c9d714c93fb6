import LessonModel
import LessonParsing
import PropertyBased
import Testing

@testable import Grading

/// Passing over a cell whose bytes hold neither `// BEGIN ` nor `// END ` (most cells of a long lesson) finds the
/// regions and problems that reading every line of it finds.
@Suite struct GradingRegionsPropertyTests {
    static let lines = [
        "// BEGIN SOLUTION", "// END SOLUTION", "  // BEGIN HIDDEN TESTS\t", "// END HIDDEN TESTS ", "// BEGIN", "// END",
        "let x = 1", "// BEGIN SOLUTIONS", "//BEGIN SOLUTION", "print(x) // END SOLUTION", "", "\t// END SOLUTION",
    ]

    @Test func passingOverACellWithoutMarkerBytesChangesNothing() async {
        let body = Gen.element(of: Self.lines).array(of: 0...12).map { $0.compactMap { $0 } }
        await propertyCheck(count: 500, input: body, Gen.bool) { lines, crlf in
            let newline = crlf ? "\r\n" : "\n"
            let text = "---\ntitle: T\n---\n\n```{swift}\n//| id: a\n" + lines.map { $0 + newline }.joined() + "```\n"
            guard let lesson = LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0,
                let cell = lesson.cells.first
            else { return }
            var fastProblems: [Diagnostic] = []
            var slowProblems: [Diagnostic] = []
            let fast = GradingMarkupParser.scanRegions(cell, lesson: lesson, diagnostics: &fastProblems)
            let slow = GradingMarkupParser.scanRegions(cell, lesson: lesson, diagnostics: &slowProblems, shortcut: false)
            #expect(fast.solutions == slow.solutions && fast.hidden == slow.hidden)
            #expect(fastProblems.map(\.description) == slowProblems.map(\.description))
        }
    }
}
