import Foundation
import PropertyBased
import Testing

@testable import SiteRendering

/// Headings found by bytes are those Foundation's searches found: over generated HTML (headings of levels 1 to 6,
/// `<hr />`, unclosed headings, text with accents, emoji and a combining mark after `<h`), the page and its
/// headings are the same bytes.
@Suite struct HeadingAnchorsPropertyTests {
    /// ``HeadingAnchors/annotate(_:)`` as it was, with Foundation's `range(of:)`: the reference. It returns the HTML
    /// with the heading ids and texts it found.
    static func annotateWithFoundation(_ html: String) -> (String, [String]) {
        var anchors = HeadingAnchors()
        var result = ""
        var rest = html[...]
        var found: [String] = []
        while let open = rest.range(of: "<h") {
            let afterTag = rest[open.upperBound...]
            guard let levelCharacter = afterTag.first, let level = Int(String(levelCharacter)), (1...4).contains(level),
                afterTag.dropFirst().first == ">",
                let close = afterTag.range(of: "</h\(level)>")
            else {
                result += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let content = String(afterTag[afterTag.index(afterTag.startIndex, offsetBy: 2)..<close.lowerBound])
            // One heading through the real code gives its id and markup (ids stay unique across calls).
            result += rest[..<open.lowerBound]
            result += anchors.annotate("<h\(level)>\(content)</h\(level)>")
            found.append(content)
            rest = afterTag[close.upperBound...]
        }
        return (result + rest, found)
    }

    static let piece = Gen.oneOf(
        Gen.always("<h2>"), Gen.always("</h2>"), Gen.always("<h3>"), Gen.always("</h3>"), Gen.always("<h5>"), Gen.always("</h5>"),
        Gen.always("<hr />"), Gen.always("<h"), Gen.always("<h\u{301}2>"), Gen.always("The ELBO"), Gen.always("é ∑ 🙂"),
        Gen.always("<p>text</p>\n"), Gen.always("&amp;"), Gen.always("<h1>"), Gen.always("</h1>"))

    @Test func headingsByBytesAreHeadingsByFoundation() async {
        await propertyCheck(count: 500, input: Self.piece.array(of: 0...10)) { pieces in
            let html = pieces.joined()
            var anchors = HeadingAnchors()
            let annotated = anchors.annotate(html)
            let (expected, contents) = Self.annotateWithFoundation(html)
            #expect(Array(annotated.utf8) == Array(expected.utf8), "\(pieces)")
            #expect(anchors.headings.map { Array($0.html.utf8) } == contents.map { Array($0.utf8) }, "\(pieces)")
        }
    }
}
