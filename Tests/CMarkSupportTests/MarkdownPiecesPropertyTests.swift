import PropertyBased
import Testing

@testable import CMarkSupport

/// A text parsed in pieces at once gives exactly what parsing it whole gives, wherever the pieces are cut: inside
/// fences and HTML comments left open across blank lines, lists and block quotes that go on, code spans, CRLF
/// lines, reference definitions.
@Suite struct MarkdownPiecesPropertyTests {
    static let snippets = [
        "# Heading `code`", "Para with `span` and ``two `ticks` ``", "```{swift}\nlet x = 1\n```",
        "```\nunclosed fence, blank line next", "~~~~\nx\n\n~~~~", "<!-- comment\n\nspanning a blank line -->",
        "<!-- comment never closed", "<div>\nhtml `not a span`\n</div>", "<pre>\n\ncode\n\n</pre>",
        "- item\n\n  ```\n  in the item\n  ```", "- a\n- b `c`", "> quote `q`\n> ```\n> x\n> ```",
        "    indented\n\n    more", "Setext\n===", "Title `t`\n---", "[ref]: /url", "A [link][ref] `x`",
        "1. one\n\n   two", "`unclosed span", "<script>\n\nvar a = `b`;\n\n</script>", "***",
        "text \\`not code\\`", "<?php\n\n?>", "\tTabbed `x`", "line with\r\nCRLF `y`", "Lazy\ncontinuation `z`",
        "<https://a`b> `c`", "<!-- lessons:end -->", "<!-- lessons:output id=a hash=0 status=ok -->",
        "```output\n2475.0\n```", "Math $x_{<i}$ and `code` here", "  - nested\n\n    > deep `d`",
        "\u{FEFF}# Not a heading within the text", "\u{FEFF}```\nnot a fence", "\u{0}# NUL `n`",
    ]
    static let document = Gen.int(in: 0...(snippets.count - 1)).array(of: 1...40)
    static let separators = Gen.int(in: 0...3).array(of: 40)

    static func text(_ picks: [Int], _ separators: [Int]) -> [UInt8] {
        var text = ""
        for (index, pick) in picks.enumerated() {
            text += snippets[pick]
            text += ["\n", "\n\n", "\n\n\n", "\n\n    \n"][separators[index % separators.count]]
        }
        return Array(text.utf8)
    }

    @Test func piecesGiveTheWholeTextsScan() async {
        await propertyCheck(count: 400, input: Self.document, Self.separators, Gen.int(in: 2...8)) { picks, separators, pieces in
            let bytes = Self.text(picks, separators)
            let whole = MarkdownScanner.scan(bytes, pieces: 1)
            let cut = MarkdownScanner.scan(bytes, pieces: pieces)
            #expect(cut.blocks == whole.blocks)
            #expect(cut.codeSpans == whole.codeSpans)
        }
    }

    @Test func piecesStartAfterAnEmptyLineAtALinesFirstByte() async {
        await propertyCheck(count: 200, input: Self.document, Self.separators, Gen.int(in: 2...8)) { picks, separators, pieces in
            let bytes = Self.text(picks, separators)
            let cut = MarkdownPieces(bytes: bytes, count: pieces)
            #expect(cut.starts.first == 0)
            #expect(cut.starts == cut.starts.sorted() && Set(cut.starts).count == cut.starts.count)
            for start in cut.starts.dropFirst() {
                #expect(bytes[start - 2] == 0x0A && bytes[start - 1] == 0x0A)
                #expect((0x21...0x7E).contains(bytes[start]))
            }
        }
    }

    @Test func aLargeTextIsCutIntoMegabytesAndASmallOneNever() {
        #expect(MarkdownPieces.count(forBytes: 20_000_000) == 19)
        #expect(MarkdownPieces.count(forBytes: 2_100_000) == 2)
        #expect(MarkdownPieces.count(forBytes: 1_500_000) == 1)
        #expect(MarkdownPieces.count(forBytes: 200_000) == 1)
        #expect(MarkdownPieces.count(forBytes: 500_000_000) == MarkdownPieces.maximumPieces)
    }
}
