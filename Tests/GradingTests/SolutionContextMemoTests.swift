import PropertyBased
import Testing
import TestSupport

@testable import Grading

/// The memo of solution contexts gives what parsing gives, for generated cells whose regions stand at the top level,
/// in bodies and among members (and for cells that differ only in a name's Unicode normal form, or only in the
/// marker's line), also after it has forgotten everything at its limit.
@Suite struct SolutionContextMemoTests {
    static let openings = ["", "func f() -> Double {\n", "struct S\u{e9} {\n", "struct Se\u{301} {\n", "let g = { (x: Double) -> Double in\n",
                           "switch k {\ncase 1:\n", "var v: Int {\n"]
    static let lines = ["let a\u{e9}: Double = 1\n", "let ae\u{301}: Double = 1\n", "var n = 0\n", "return 1\n", "\n",
                        "x\n", "print(\"\\(n)\")\n"]

    @Test func theMemoGivesWhatParsingGives() async {
        let memo = SolutionContextMemo(limit: 400)
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var random = TestRandom(seed: seed)
            let opening = random.pick(Self.openings)
            let before = (0..<Int(random.next() % 3)).map { _ in random.pick(Self.lines) }
            let region = (0..<Int(random.next() % 3)).map { _ in random.pick(Self.lines) }
            let cell = opening + before.joined() + "// BEGIN SOLUTION\n" + region.joined() + "// END SOLUTION\n"
                + (opening.isEmpty ? "" : opening.hasPrefix("switch") ? "default: break\n}\n" : "}\n")
            let markerLine = opening.split(separator: "\n", omittingEmptySubsequences: false).count + before.count
            for line in [markerLine, max(1, markerLine - 1)] {
                let parsed = SolutionContext.parsing(markerLine: line, inCell: cell)
                #expect(memo.context(markerLine: line, source: cell) { SolutionContext.parsing(markerLine: line, inCell: cell) } == parsed,
                    "seed \(seed), line \(line)")
                #expect(SolutionContext.of(markerLine: line, inCell: cell) == parsed, "the shared memo, seed \(seed)")
            }
        }
    }

    @Test func aKnownContextIsNotDecidedAgain() {
        let memo = SolutionContextMemo(limit: 1 << 20)
        var decided = 0
        let cell = "func f() {\n    // BEGIN SOLUTION\n    // END SOLUTION\n}\n"
        for _ in 0..<3 {
            _ = memo.context(markerLine: 2, source: cell) { decided += 1; return SolutionContext.parsing(markerLine: 2, inCell: cell) }
        }
        #expect(decided == 1)
        _ = memo.context(markerLine: 1, source: cell) { decided += 1; return .topLevel }
        #expect(decided == 2, "another marker line is another question")
    }
}
