import PropertyBased
import Testing
@testable import SiteRendering

/// Splitting lines and finding `\label{…}` keys and table labels by bytes (what keeps a 20 MB lesson's check short) gives what the
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

    @Test func tableLabelsAreFoundAsCharacterLinesFindThem() async {
        let captions = Self.pieces + [": Names {#tbl-a}", "\n: x {#tbl-b-1}", "\n:", "{#tbl-c}", "\u{301}: y {#tbl-d}"]
        let text = Gen.element(of: captions).array(of: 0...50).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1500, input: text) { text in
            #expect(PipeTables.labels(in: text)
                == text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { PipeTables.caption($0)?.1 })
        }
    }

    @Test func aByteSearchFindsWhatAWindowOverTheBytesFinds() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...50).map { $0.compactMap { $0 }.joined() }
        let pattern = Gen.element(of: Self.pieces).array(of: 0...3).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1500, input: text, pattern, Gen.int(in: 0...10)) { text, pattern, drop in
            let bytes = Array(text.utf8), wanted = Array(pattern.utf8)
            let expected = wanted.isEmpty || (bytes.count >= wanted.count
                && (0...(bytes.count - wanted.count)).contains { Array(bytes[$0..<($0 + wanted.count)]) == wanted })
            #expect(text.containsBytes(wanted) == expected)
            // A substring that does not start at the text's start.
            let tail = text.dropFirst(min(drop, text.count))
            let tailBytes = Array(tail.utf8)
            let tailExpected = wanted.isEmpty || (tailBytes.count >= wanted.count
                && (0...(tailBytes.count - wanted.count)).contains { Array(tailBytes[$0..<($0 + wanted.count)]) == wanted })
            #expect(tail.containsBytes(wanted) == tailExpected)
        }
    }

    /// `firstIndex(of:from:)` jumps between candidate first bytes with `memchr`; it finds what a window moved one byte
    /// at a time finds, from any start (before, inside or past the bytes).
    @Test func aByteSearchFromAnyStartFindsTheFirstWindow() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...50).map { $0.compactMap { $0 }.joined() }
        let pattern = Gen.element(of: Self.pieces).array(of: 0...3).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1500, input: text, pattern, Gen.int(in: -2...120)) { text, pattern, start in
            let bytes = Array(text.utf8), wanted = Array(pattern.utf8)
            let expected: Int? = wanted.isEmpty
                ? (start <= bytes.count ? start : nil)
                : bytes.count < wanted.count ? nil
                : (max(start, 0)...max(max(start, 0), bytes.count - wanted.count)).first {
                    $0 + wanted.count <= bytes.count && Array(bytes[$0..<($0 + wanted.count)]) == wanted
                }
            #expect(bytes.withUnsafeBufferPointer { $0.firstIndex(of: wanted, from: start) } == expected)
        }
    }
}
