import Foundation
import PropertyBased
import Testing

@testable import SiteRendering

/// The search index's text, read by bytes, is what the Character-by-Character reading (with Foundation's searches)
/// gave on HTML whose special characters stand alone; folding ASCII pieces the quick way gives what folding the
/// whole text scalar by scalar gives.
@Suite struct SearchTextPropertyTests {
    /// PlainText.of as it was (Characters, Foundation's `range(of:)` and `replacingOccurrences`): the reference.
    static func plainTextByCharacter(_ html: String) -> String {
        var text = ""
        var inTag = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<" {
                let rest = html[index...]
                if rest.hasPrefix("<math"), let end = rest.range(of: "</math>") {
                    let tagEnd = rest.firstIndex(of: ">") ?? end.lowerBound
                    let tag = rest[..<tagEnd]
                    if !tag.contains("class=\"narrow\""), let start = tag.range(of: "alttext=\""),
                        let close = tag[start.upperBound...].firstIndex(of: "\"")
                    {
                        text += " " + tag[start.upperBound..<close] + " "
                    }
                    index = end.upperBound
                    continue
                }
                var skipped: String.Index?
                for (open, close) in [("<div class=\"cell-head\"", "</div>"), ("<a class=\"anchor\"", "</a>"),
                    ("<button", "</button>"), ("<p class=\"cell hidden-test\"", "</p>")]
                where rest.hasPrefix(open) {
                    skipped = rest.range(of: close)?.upperBound
                    break
                }
                if let skipped {
                    index = skipped
                    text += " "
                    continue
                }
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
            index = html.index(after: index)
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Pieces of lesson HTML: tags, math with and without alttext (and narrow copies), the page's controls, entities
    /// (also half-written and nested), whitespace, and text with accents, Greek, dashes and an emoji.
    static let htmlPieces = [
        "<p>", "</p>", "<h2 id=\"x\">", "</h2>", "<math display=\"block\" alttext=\"x + y\">", "<mi>x</mi>", "</math>",
        "<math class=\"narrow\" alttext=\"n\">", "<math>", "alttext=\"", "<div class=\"cell-head\">", "<button>go</button>",
        "</div>", "<a class=\"anchor\" href=\"#x\">#</a>", "<p class=\"cell hidden-test\">", "&lt;", "&gt;", "&quot;",
        "&#39;", "&amp;", "&amp;lt;", "&", ";", "lt;", " ", "  ", "\n", "\t", "word", "Kullback–Leibler", "é", "α",
        "μ", "👍", ">", "<", "\"", "=", "text",
    ]

    @Test func plainTextIsTheCharacterReadingsText() async {
        let html = Gen.element(of: Self.htmlPieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: html) { html in
            #expect(PlainText.of(html) == Self.plainTextByCharacter(html), "\(html.debugDescription)")
        }
    }

    static let textPieces = [
        " ", "  ", "\n", "\t", "camelCase", "HTTPServer", "reparameterizedGradient", "x2", "42", "-", "–", "—", "μ-law",
        "Σ", "ΑΣ", "é", "e\u{301}", "\u{301}", "ﬁ", "Ⅸ", "İ", "ϒ", "Kullback", "(", ")", ".", "a", "B", "ß", "👍🏽",
        "\u{200D}", "\r\n",
    ]

    @Test func foldingByPiecesIsFoldingTheWholeText() async {
        let text = Gen.element(of: Self.textPieces).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: text) { text in
            #expect(SearchFolding.fold(text) == SearchFolding.foldScalars(text), "\(text.debugDescription)")
        }
    }
}

/// The link checker's shortcut (a path with no step starting with "." is already normal) changes no path.
@Suite struct LinkPathPropertyTests {
    @Test func theShortcutGivesTheStepByStepNormalForm() async {
        let pieces = ["/", ".", "..", "./", "../", "a", "b.html", ".hidden", "x..y", "é", "#"]
        let path = Gen.element(of: pieces).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: path) { path in
            #expect(LinkChecker.normalized(path) == LinkChecker.normalizedStepByStep(path), "\(path.debugDescription)")
        }
    }
}

/// Splitting and replacing by bytes (relocated pages, the preview's script tag) gives what Foundation gives on HTML
/// whose markers stand alone.
@Suite struct ByteReplacementPropertyTests {
    static let pieces = [" href=\"", " src=\"", "<body>", "</body>", "a.html", "#x", "é", "α", "\n", "\"", " ", "href", "=", "<", ">", "../"]

    @Test func splittingAndReplacingByBytesIsFoundations() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        let separator = Gen.element(of: [" href=\"", "<body>", "</body>", "a", "\"", "é"]).map { $0 ?? "a" }
        await propertyCheck(count: 2000, input: text, separator) { text, separator in
            #expect(text.components(separatedByBytes: separator) == text.components(separatedBy: separator))
            #expect(text.replacingBytes(of: separator, with: "[\(separator)]")
                == text.replacingOccurrences(of: separator, with: "[\(separator)]"))
        }
    }

    @Test func asciiWordScalarsAreTheirCategorysAnswer() async {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(SearchFolding.isWordScalar(scalar) == SearchFolding.isWordScalarByCategory(scalar), "\(value)")
        }
        await propertyCheck(count: 500, input: Gen.int(in: 0x80...0x2FFFF)) { value in
            guard let scalar = Unicode.Scalar(value) else { return }
            #expect(SearchFolding.isWordScalar(scalar) == SearchFolding.isWordScalarByCategory(scalar))
        }
    }
}
