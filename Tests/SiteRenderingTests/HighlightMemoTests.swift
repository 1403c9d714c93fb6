import PropertyBased
import Testing

@testable import SiteRendering

/// Highlighting through the memo gives the bytes that highlighting now gives, for any code (also codes that differ
/// only in Unicode normal form), also after the memo has forgotten everything at its limit; a remembered code is not
/// parsed again.
@Suite struct HighlightMemoTests {
    /// Pieces of Swift (and of not quite Swift) that generated codes are made of.
    static let piece = Gen.oneOf(
        Gen.always("let x = 1\n"), Gen.always("var total = 0.0 // sum\n"), Gen.always("func f(_ a: Int) -> Int { a * 2 }\n"),
        Gen.always("print(\"<b>&amp;</b>\")\n"), Gen.always("/* open comment"), Gen.always("\"unterminated\n"),
        Gen.always("for i in 0..<10 { total += Double(i) }\n"), Gen.always("é ∑ 🙂\n"), Gen.always("e\u{301} ∑ 🙂\n"), Gen.always("let \u{212B} = 1\n"), Gen.always("let Å = 1\n"), Gen.always("#if DEBUG\n"),
        Gen.always("struct S<T: Equatable> { var t: T }\n"), Gen.always("\t  \n"), Gen.always("x.map { $0 + 1 }"))

    @Test func theMemoGivesTheHighlightersBytes() async {
        let memo = HighlightMemo(limit: 600) { SwiftHighlighter.highlight($0) }
        await propertyCheck(count: 300, input: Self.piece.array(of: 0...6)) { pieces in
            let code = pieces.joined()
            // Bytes, not Strings: `==` on String calls canonically equivalent texts (é and e + ◌́) equal.
            let expected = Array(SwiftHighlighter.highlight(code).utf8)
            #expect(Array(memo.html(code).utf8) == expected)
            #expect(Array(memo.html(code).utf8) == expected, "remembered")
            #expect(Array(SwiftHighlighter.html(code).utf8) == expected, "the shared memo")
        }
    }

    @Test func aRememberedCodeIsNotHighlightedAgainAndTheLimitForgets() {
        let calls = Counter()
        let memo = HighlightMemo(limit: 200) { code in calls.add(); return SwiftHighlighter.highlight(code) }
        _ = memo.html("let a = 1")
        _ = memo.html("let a = 1")
        #expect(calls.value == 1 && memo.count == 1)
        for index in 0..<20 { _ = memo.html("let value\(index) = \(index)") }
        #expect(calls.value == 21)
        #expect(memo.count < 20, "past 200 bytes the memo starts again")
    }

    final class Counter: @unchecked Sendable {
        private(set) var value = 0
        func add() { value += 1 }
    }
}
