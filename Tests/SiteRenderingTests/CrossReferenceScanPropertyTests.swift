import PropertyBased
import Testing
@testable import SiteRendering

/// Copying a line with neither `@` nor `[` as it is (the shortcut that keeps a 20 MB lesson's check linear and
/// short), or not keeping the text at all (`lessons check`), finds exactly what reading every line the long way
/// finds.
@Suite struct CrossReferenceScanPropertyTests {
    /// Pieces of prose that references, citations, code spans, fences and wrapped brackets are made of.
    static let pieces = [
        "@fig-", "@tbl-", "@eq-", "@fig:", "@", "[", "]", "[@", "@knuth84", "; ", "`", "```", "~~~", "\n", "\n\n", " ",
        "plot", "a-b", "x_1", "é", "see ", "p. 3", ".", "-", "\u{301}",
    ]

    @Test func theShortcutChangesNothing() async {
        let prose = Gen.element(of: Self.pieces).array(of: 0...60).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1000, input: prose, Gen.bool) { text, citations in
            let fast = CrossReferences.scan(text, citations: citations)
            let slow = CrossReferences.scan(text, citations: citations, shortcut: false)
            #expect(fast.text == slow.text)
            #expect(fast.references == slow.references)
            #expect(fast.citations == slow.citations)
            let bare = CrossReferences.scan(text, citations: citations, keepingText: false)
            #expect(bare.references == slow.references && bare.citations == slow.citations && bare.text.isEmpty)
        }
    }
}
