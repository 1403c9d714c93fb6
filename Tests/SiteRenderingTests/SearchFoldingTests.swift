import Testing
import TestSupport
@testable import SiteRendering

@Suite struct SearchFoldingTests {
    @Test(arguments: [
        ("Kullback–Leibler", "kullback leibler"),
        ("Kullback-Leibler", "kullback leibler"),
        ("  kullback   LEIBLER ", "kullback leibler"),
        ("μ-law", "mu law"),
        ("Μ-LAW", "mu law"),
        ("Gödel, Poincaré", "godel poincare"),
        ("reparameterizedGradient", "reparameterized gradient"),
        ("log p(x) − KL(q ‖ p)", "log p x kl q p"),
        ("ﬁne ½", "fine 1 2"),
        ("", ""),
    ])
    func folds(_ text: String, _ folded: String) {
        #expect(SearchFolding.fold(text) == folded)
    }

    /// Characters that stress folding: marks, compatibility forms, Greek, dashes, cases without a partner, CJK.
    static let alphabet: [String] = ["a", "B", "z", "É", "é", "e\u{301}", "İ", "ß", "ﬁ", "½", "μ", "Μ", "ϒ", "ά", "Ω",
        "-", "–", "—", "−", " ", "\n", ".", "(", "’", "ǅ", "Ⅻ", "漢", "Д", "1", "9", "\u{2011}", "𝑥"]

    static func randomText(_ random: inout TestRandom) -> String {
        (0..<Int.random(in: 0...12, using: &random)).map { _ in random.pick(alphabet) }.joined()
    }

    @Test func foldingIsIdempotent() {
        var random = TestRandom(seed: 26)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            let once = SearchFolding.fold(text)
            #expect(SearchFolding.fold(once) == once, "fold(\(text.debugDescription)) = \(once.debugDescription)")
        }
    }

    @Test func foldedTextHasOnlyWordsAndSingleSpaces() {
        var random = TestRandom(seed: 7)
        for _ in 0..<2000 {
            let folded = SearchFolding.fold(Self.randomText(&random))
            #expect(!folded.hasPrefix(" ") && !folded.hasSuffix(" ") && !folded.contains("  "))
            #expect(folded.unicodeScalars.allSatisfy { $0 == " " || SearchFolding.isWordScalar($0) })
            #expect(folded == folded.lowercased())
        }
    }

    @Test func dashesHyphensAndSpacesAreTheSame() {
        var random = TestRandom(seed: 3)
        let separators = ["-", "–", "—", "−", " ", "\u{2010}", "\u{2011}", " - "]
        for _ in 0..<500 {
            let words = (0..<Int.random(in: 1...4, using: &random)).map { _ in random.pick(["kullback", "Leibler", "mu", "law", "auto", "encoder"]) }
            let joined = words.dropFirst().reduce(words[0]) { $0 + random.pick(separators) + $1 }
            #expect(SearchFolding.fold(joined) == words.joined(separator: " ").lowercased())
        }
    }

    @Test func compoundsJoinWordsLinkedByDashes() {
        #expect(SearchFolding.compounds("a variational auto-encoder, the μ–law and x - y") == ["autoencoder", "mulaw"])
        #expect(SearchFolding.stems("the auto-encoder; auto-encoders").contains("autoencoder"))
    }
}
