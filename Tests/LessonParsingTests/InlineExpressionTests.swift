import LessonModel
import Testing

@Suite struct InlineExpressionTests {
    @Test func findsExpressionsWithTheirPositionsAndCode() throws {
        let text = header + """

            # Results `{swift} title`

            The test NLL is `{swift} nll` nats; ``{swift} a`b`` and `{swift}   xs.count  `.

            - λ item `{swift} mean(xs)`
            > quoted `{swift} q`

            ```swift
            `{swift} not-in-code`
            ```

            Plain `code`, `{swift}x`, `{swiftly} y`, `{swift}` and `` {swift} `` are not expressions.

            """
        let (lesson, problems) = parse(text)
        #expect(problems.isEmpty, "\(problems)")
        let expressions = try #require(lesson).inlineExpressions
        #expect(expressions.map(\.code) == ["title", "nll", "a`b", "xs.count", "mean(xs)", "q"])
        #expect(expressions.map(\.index) == Array(0..<6))
        #expect(expressions.map(\.line) == [5, 7, 7, 7, 9, 10])
        // Columns in characters: `λ` is two bytes but one column.
        #expect(expressions.map(\.column) == [11, 17, 37, 57, 10, 10])
        #expect(expressions.map(\.codeColumn) == [20, 26, 47, 68, 19, 19])
        // Ranges are byte ranges of the file (front matter included), backticks and all.
        let bytes = Array(text.utf8)
        let spans = expressions.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(spans == ["`{swift} title`", "`{swift} nll`", "``{swift} a`b``", "`{swift}   xs.count  `",
            "`{swift} mean(xs)`", "`{swift} q`"])
        #expect(expressions.allSatisfy { $0.stored == nil })
    }

    @Test func readsTheValueStoredAfterAnExpression() throws {
        let text = header + "NLL `{swift} nll`<!--value:1a2b3c4d-->18\\*17 \\| \\<b\\><!--/value--> nats, `{swift} n` <!--value:ff-->1<!--/value-->.\n"
        let lesson = try #require(parse(text).0)
        let stored = try #require(lesson.inlineExpressions[0].stored)
        #expect(stored.hash == "1a2b3c4d")
        #expect(stored.text == "18*17 | <b>")
        #expect(String(decoding: Array(text.utf8)[stored.range], as: UTF8.self)
            == "<!--value:1a2b3c4d-->18\\*17 \\| \\<b\\><!--/value-->")
        // Only a value right after the closing backticks belongs to the expression.
        #expect(lesson.inlineExpressions[1].stored == nil)
    }

    @Test func storedValuesRoundTripTheirText() throws {
        for text in ["18.17", "a*b_c|$x$ \\ `q` [l](u) <!--/value-->", "ünï ✓", "", "trailing\\"] {
            let markup = StoredInlineValue.markup(hash: "0a", text: text)
            let bytes = Array(("x" + markup + " after").utf8)
            let parsed = try #require(StoredInlineValue.parse(bytes, at: 1), "\(text)")
            #expect(parsed.text == text)
            #expect(parsed.range == 1..<(1 + markup.utf8.count))
        }
        // Line breaks cannot live in a line of prose: they become one space.
        let markup = StoredInlineValue.markup(hash: "0a", text: "two\nlines\r\n  here")
        #expect(StoredInlineValue.parse(Array(markup.utf8), at: 0)?.text == "two lines  here")
    }

    @Test func anExpressionAcrossLinesIsAnErrorAtItsSpan() {
        let text = header + "One\nand `{swift} a +\nb` across lines.\n"
        #expect(diagnostics(text) == [
            "5:5: error: inline `{swift}` expression must fit on one line (compute it in a cell and show a name here)",
        ])
    }
}
