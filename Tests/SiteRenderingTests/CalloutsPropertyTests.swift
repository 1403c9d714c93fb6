import Foundation
import PropertyBased
import Testing

@testable import SiteRendering

/// Callouts found by bytes are those Foundation's searches found: over generated HTML of block quotes (alerts of
/// each kind and form, plain ones, unclosed ones, nested text with non-ASCII letters), the page is the same bytes.
@Suite struct CalloutsPropertyTests {
    /// ``Callouts/apply(_:)`` as it was, with Foundation's `range(of:)`: the reference.
    static func applyWithFoundation(_ html: String) -> String {
        guard html.contains("[!") else { return html }
        var result = html
        for (marker, kind, title) in Callouts.kinds {
            for opening in ["<blockquote>\n<p>[!\(marker)]\n", "<blockquote>\n<p>[!\(marker)]<br />\n", "<blockquote>\n<p>[!\(marker)] "] {
                while let start = result.range(of: opening) {
                    guard let end = result.range(of: "</blockquote>", range: start.upperBound..<result.endIndex) else { break }
                    let inner = result[start.upperBound..<end.lowerBound]
                    result.replaceSubrange(start.lowerBound..<end.upperBound, with:
                        "<aside class=\"callout \(kind)\" role=\"note\"><p class=\"callout-title\">\(title)</p><p>" + inner + "</aside>")
                }
            }
        }
        return result
    }

    static let piece = Gen.oneOf(
        Gen.always("<blockquote>\n<p>[!NOTE]\n"), Gen.always("<blockquote>\n<p>[!TIP]<br />\n"), Gen.always("<blockquote>\n<p>[!WARNING] "),
        Gen.always("<blockquote>\n<p>[!CAUTION]\n"), Gen.always("<blockquote>\n<p>"), Gen.always("</p>\n</blockquote>\n"),
        Gen.always("The ELBO é ∑ 🙂 "), Gen.always("<p>[!NOTE] inline</p>\n"), Gen.always("\n"), Gen.always("</blockquote>"))

    @Test func calloutsByBytesAreCalloutsByFoundation() async {
        await propertyCheck(count: 500, input: Self.piece.array(of: 0...10)) { pieces in
            let html = pieces.joined()
            #expect(Array(Callouts.apply(html).utf8) == Array(Self.applyWithFoundation(html).utf8), "\(pieces)")
        }
    }
}
