import LessonModel
import LessonParsing
import Testing

/// Issue 15, item 5: fenced code inside block quotes and list items is ordinary Markdown; only a `{swift}` fence
/// there is an error, at its own line.
@Suite struct ContainerFenceTests {
    @Test func fenceInsideACalloutIsOrdinaryMarkdown() throws {
        let text = header + "\n> [!TIP]\n> Build first:\n>\n> ```sh\n> swift build\n> ```\n\nAfter.\n"
        #expect(diagnostics(text) == [])
        #expect(try #require(parse(text).0).cells.isEmpty)
    }

    @Test func fenceInsideANestedListItemIsOrdinaryMarkdown() {
        let text = header + "\n- one\n  - two\n\n    ~~~~python\n    x = 1\n    ~~~~\n- three\n"
        #expect(diagnostics(text) == [])
    }

    @Test func unclosedFenceEndsWithItsContainer() {
        #expect(diagnostics(header + "\n> ```sh\n> ls\n\nAfter the quote.\n") == [])
    }

    @Test func swiftCellInsideABlockQuoteIsAnErrorAtItsLine() {
        #expect(diagnostics(header + "\nText.\n\n> ```{swift}\n> print(1)\n> ```\n") == [
            "7:1: error: a {swift} cell must be at the top level of the lesson, not inside a list or block quote"
        ])
    }
}
