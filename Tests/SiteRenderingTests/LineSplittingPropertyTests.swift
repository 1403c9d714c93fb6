import PropertyBased
import Testing
@testable import SiteRendering

/// Splitting lines and finding `\label{…}` keys by bytes (what keeps a 20 MB lesson's check short) gives what the
/// Character-by-Character reading gives, on text with carriage returns, combining marks and labels in it.
@Suite struct LineSplittingPropertyTests {
    static let pieces = [
        "\n", "\r", "\r\n", "\n\n", "\\label{", "}", "eq:a", "x", " ", "é", "e\u{301}", "\u{301}", "{", "|", ": ",
        "{#tbl-", "👍🏽", "\t", "\\",
    ]

    @Test func linesAreSplitAsCharactersSplitThem() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...50).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1500, input: text, Gen.bool) { text, omitting in
            #expect(text.lines(omittingEmptySubsequences: omitting)
                == text.split(separator: "\n", omittingEmptySubsequences: omitting))
        }
    }

    @Test func labelKeysAreFoundAsCharactersFindThem() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...50).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1500, input: text) { text in
            #expect(CrossReferenceCheck.equationKeys(in: text) == CrossReferenceCheck.equationKeysByCharacter(in: text))
        }
    }
}
