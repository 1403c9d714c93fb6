import CMarkSupport
import Testing

@Suite struct MarkdownScannerTests {
    func blocks(_ text: String) -> [MarkdownBlock] { MarkdownScanner.blocks(in: Array(text.utf8)) }

    @Test func fencedBlocksCarryInfoFenceAndLines() {
        let found = blocks("Intro\n\n````{swift}\nlet a = 1\n````\n\n~~~ python\nx\n~~~\n")
        #expect(found == [
            MarkdownBlock(kind: .fencedCode(info: "{swift}", fenceCharacter: "`", fenceLength: 4),
                startLine: 3, endLine: 5, isTopLevel: true),
            MarkdownBlock(kind: .fencedCode(info: "python", fenceCharacter: "~", fenceLength: 3),
                startLine: 7, endLine: 9, isTopLevel: true),
        ])
    }

    @Test func htmlBlocksEndOnTheirLastLine() {
        let found = blocks("<!-- one line -->\n\n<div>\n<p>two</p>\n</div>\n\nText\n")
        #expect(found.map { [$0.startLine, $0.endLine] } == [[1, 1], [3, 5]])
    }

    @Test func nestedBlocksAreMarked() {
        let found = blocks("- item\n\n  ```swift\n  x\n  ```\n\n> ```\n> y\n> ```\n")
        #expect(found.count == 2)
        #expect(found.allSatisfy { !$0.isTopLevel })
    }

    @Test func indentedCodeAndHeadings() {
        let found = blocks("# Title\n\n    indented\n\n## Sub\n")
        #expect(found.map(\.kind) == [.heading(level: 1), .indentedCode, .heading(level: 2)])
    }

    @Test func crlfLinesCountLikeLF() {
        let found = blocks("a\r\n\r\n```{swift}\r\nx\r\n```\r\n")
        #expect(found.first?.startLine == 3)
        #expect(found.first?.endLine == 5)
    }

    /// cmark 0.30 counts a lazy continuation line of a list item with the item's indentation: the span is found
    /// where the source reads as its literal, not two bytes on (where a closing run of a later span once gave a
    /// span across lines).
    @Test func aSpanOnALazyContinuationLineIsWhereItStands() {
        let text = "- b `c`\nTitle `t` and\n\n# Heading `code`\n"
        let spans = MarkdownScanner.scan(Array(text.utf8)).codeSpans
        #expect(spans.map(\.literal) == ["c", "t", "code"])
        #expect(spans.map(\.line) == [1, 2, 4])
        #expect(spans[1].column == 7 && spans[1].range == 14..<17 && !spans[1].crossesLines)
    }
}
