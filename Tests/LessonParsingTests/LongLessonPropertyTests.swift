import LessonModel
import LessonParsing
import PropertyBased
import Testing

/// A lesson long enough that its cells are read on several threads (hundreds of cells) gives every cell its own
/// id and options, every output block its own verdict, and every problem at its own line, as written.
@Suite struct LongLessonPropertyTests {
    /// What the generator puts in cell `index`: a `//| id:` or none, a bad option or none, and an output block that
    /// is intact, edited by hand, or absent.
    struct Plan: Sendable {
        var named: Bool
        var badOption: Bool
        var output: Int  // 0: none, 1: intact, 2: edited
    }

    /// Each of the 2 × 10 × 3 choices from one number (a bad option in one cell of ten).
    static let plans = Gen.int(in: 0...59)
        .map { Plan(named: $0 % 2 == 0, badOption: ($0 / 2) % 10 == 0, output: ($0 / 20) % 3) }
        .array(of: 500...1_200)

    /// Not shrunk: each step of shrinking a lesson of a thousand cells parses it again (minutes), and the failure
    /// names its cells anyway.
    @Test(.shrinking(false)) func everyCellAndOutputIsReadAsWritten() async {
        await propertyCheck(count: 8, input: Self.plans, Gen.bool) { plans, withBadOptions in
            var text = "---\ntitle: Long\n---\n\n"
            var line = 5
            var expected: [(id: String, fence: Int, optionLine: Int?, outputLine: Int?, intact: Bool)] = []
            for (index, plan) in plans.enumerated() {
                let fence = line
                var body = plan.named ? "//| id: c\(index)\n" : ""
                let badOption = withBadOptions && plan.badOption
                let optionLine = badOption ? fence + 1 + (plan.named ? 1 : 0) : nil
                if badOption { body += "//| echo: maybe\n" }
                body += "print(\(index))\n"
                text += "```{swift}\n" + body + "```\n\n"
                line += 2 + body.split(separator: "\n").count + 1
                let id = plan.named ? "c\(index)" : "cell-\(index + 1)"
                var outputLine: Int?
                if plan.output > 0 {
                    let content = ["", "```output", "\(index)", "```", ""]
                    let hash = OutputMarker.contentHash(of: content.map(\.utf8))
                    let marker = OutputMarker(id: id, hash: "0123456789abcdef", status: .ok, content: hash)
                    let written = plan.output == 2 ? ["", "```output", "\(index) edited", "```", ""] : content
                    text += ([marker.beginLine] + written + [OutputMarker.endLine]).joined(separator: "\n") + "\n\n"
                    outputLine = line
                    line += 2 + written.count + 1
                }
                expected.append((id, fence, optionLine, outputLine, plan.output != 2))
            }
            let (parsed, diagnostics) = LessonParser.parse(Array(text.utf8), displayPath: "Lessons/long.md")
            let problemLines = diagnostics.map(\.location.line)
            let wantedLines = expected.flatMap { cell in
                [cell.optionLine, cell.intact ? nil : cell.outputLine].compactMap { $0 }
            }.sorted()
            #expect(problemLines == wantedLines)
            if !withBadOptions {
                guard let lesson = parsed else {
                    Issue.record("the lesson does not parse")
                    return
                }
                #expect(lesson.cells.map(\.id) == expected.map(\.id))
                #expect(lesson.cells.map(\.openingFenceLine) == expected.map(\.fence))
                #expect(lesson.cells.map { $0.output?.beginLine } == expected.map(\.outputLine))
                #expect(lesson.cells.map { $0.output.map(\.isIntact) ?? true } == expected.map(\.intact))
            }
        }
    }
}
