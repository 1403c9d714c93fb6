import PropertyBased
import Testing

@testable import SiteRendering

/// The index's stems, taken piece by piece through the build's memo, are the stems of the whole text's words and
/// then of its compounds, each once, in order: what stemming the text word by word gave.
@Suite struct SearchStemsPropertyTests {
    /// Stems as they were computed before the memo: the whole text's folded words, then its compounds, each stemmed
    /// and kept once.
    static func stemsWordByWord(_ text: String, stemmer: SearchStemmer) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for word in SearchFolding.words(text) + SearchFolding.compounds(text) {
            let stem = stemmer.stem(word)
            if seen.insert(stem).inserted { out.append(stem) }
        }
        return out
    }

    /// Words that stem alike and unlike, joined by every kind of dash and space, with accents, Greek, camelCase,
    /// code's punctuation and non-ASCII spaces (which do not split pieces).
    static let pieces = [
        " ", "  ", "\n", "\t", "\u{A0}", "\r", "sample", "samples", "sampled", "sampling", "auto", "encoder", "-", "–",
        "—", "\u{2212}", "\u{2011}", "μ", "law", "Kullback", "Leibler", "reparameterisation", "reparametrization",
        "camelCase", "HTTPServer", "x2", "42", "é", "e\u{301}", "ﬁ", "İ", "Σ", "(", ")", ",", ".", "\\", "->", "a",
        "colour", "color", "👍🏽",
    ]

    static let text = Gen.element(of: pieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }

    @Test func piecesThroughTheMemoGiveTheWholeTextsStems() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            #expect(SearchFolding.stems(text) == Self.stemsWordByWord(text, stemmer: .standard), "\(text.debugDescription)")
        }
    }

    @Test func anotherStemmerIsUsedForEveryPiece() async {
        var stemmer = SearchStemmer.standard
        stemmer.suffixes = [["er", ""]]
        stemmer.minimumStem = 2
        await propertyCheck(count: 1000, input: Self.text) { text in
            #expect(SearchFolding.stems(text, stemmer: stemmer) == Self.stemsWordByWord(text, stemmer: stemmer),
                "\(text.debugDescription)")
        }
    }
}
