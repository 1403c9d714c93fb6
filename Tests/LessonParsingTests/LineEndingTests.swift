import LessonModel
import LessonParsing
import Testing

/// Issue 15, item 4: the runner reads lines as cmark does (LF, CRLF and a lone CR end a line; NUL and a byte
/// order mark do not move anything).
@Suite struct LineEndingTests {
    @Test func loneCarriageReturnsInProseEndLines() throws {
        let text = header + "\nProse one.\rProse two.\r\r```{swift}\r//| id: a\rprint(1)\r```\r"
        let lesson = try #require(parse(text).0)
        #expect(lesson.cells.count == 1)
        #expect(lesson.cells.first?.openingFenceLine == 8)
        #expect(lesson.cells.first?.closingFenceLine == 11)
        #expect(lesson.cells.first?.id == "a")
    }

    @Test func diagnosticsAfterMixedLineEndingsPointAtCmarksLines() {
        let text = header + "\r\nOne\rTwo\n\r```{swift}\r\n//| nonsense: 1\n```\n"
        #expect(diagnostics(text).map { $0.prefix(2) } == ["9:"])
    }

    @Test func nulInProseKeepsInlineExpressionsInPlace() throws {
        let text = header + "\nA\u{0}\u{0} and `{swift} x` here.\n"
        let lesson = try #require(parse(text).0)
        let expression = try #require(lesson.inlineExpressions.first)
        #expect(expression.code == "x")
        #expect(String(decoding: lesson.source.bytes[expression.range], as: UTF8.self) == "`{swift} x`")
    }

    @Test func byteOrderMarkBeforeFrontMatter() throws {
        let text = "\u{FEFF}" + header + "\n```{swift}\nprint(1)\n```\n"
        let (lesson, problems) = parse(text)
        #expect(problems.isEmpty, "\(problems)")
        #expect(lesson?.cells.map(\.openingFenceLine) == [5])
    }
}
