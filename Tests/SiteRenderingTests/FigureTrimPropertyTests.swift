import Foundation
import PropertyBased
import Testing

@testable import SiteRendering

/// A figure's text trimmed at its ends is, byte for byte, what Foundation's `trimmingCharacters(in:
/// .whitespacesAndNewlines)` gives, over generated texts with Unicode white space (no-break, ideographic, line and
/// paragraph separators), combining marks and emoji at either end.
@Suite struct FigureTrimPropertyTests {
    static let piece = Gen.oneOf(
        Gen.always(" "), Gen.always("\n"), Gen.always("\r\n"), Gen.always("\t"), Gen.always("\u{A0}"), Gen.always("\u{3000}"),
        Gen.always("\u{2028}"), Gen.always("\u{2029}"), Gen.always("\u{85}"), Gen.always("\u{301}"), Gen.always("<svg>"),
        Gen.always("é"), Gen.always("🙂"), Gen.always("x"), Gen.always("\u{200B}"), Gen.always("\u{FEFF}"))

    @Test func trimmedIsFoundationsTrim() async {
        await propertyCheck(count: 500, input: Self.piece.array(of: 0...10)) { pieces in
            let text = pieces.joined()
            #expect(Array(FigureInliner.trimmed(text[...]).utf8) == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8),
                "\(pieces)")
        }
    }
}
