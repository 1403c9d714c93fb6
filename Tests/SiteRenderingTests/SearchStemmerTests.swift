import Testing
import TestSupport
@testable import SiteRendering

@Suite struct SearchStemmerTests {
    let stemmer = SearchStemmer.standard

    /// Words that must meet: British and American spellings, inflections, the two spellings of "parametrise".
    @Test(arguments: [
        ["reparameterisation", "reparameterization", "reparametrisation", "reparametrization", "reparameterised",
         "reparameterized", "reparameterize", "reparameterises"],
        ["sample", "samples", "sampled", "sampling"],
        ["colour", "color", "colours"],
        ["amortised", "amortized", "amortisation", "amortization"],
        ["density", "densities"],
        ["normalising", "normalizing", "normalised", "normalize"],
        ["analyse", "analyze"],
        ["behaviour", "behavior"],
    ])
    func variantsShareAStem(_ words: [String]) {
        let stems = Set(words.map(stemmer.stem))
        #expect(stems.count == 1, "\(words) stem to \(stems.sorted())")
    }

    @Test(arguments: [["mu", "law"], ["variational", "variance"], ["loss", "los"], ["four", "for"], ["encoder", "decoder"],
                      ["murray", "mu"]])
    func differentWordsStayApart(_ words: [String]) {
        #expect(stemmer.stem(words[0]) != stemmer.stem(words[1]))
    }

    @Test func shortWordsAndWordsWithDigitsAreKept() {
        for word in ["mu", "kl", "elbo", "x2", "2024", "p01"] { #expect(stemmer.stem(word) == word) }
    }

    @Test func stemsAreNeverEmptyNorLonger() {
        var random = TestRandom(seed: 11)
        let pieces = ["re", "param", "eter", "is", "iz", "ation", "ing", "ed", "s", "es", "ies", "our", "e", "ly", "a", "x"]
        for _ in 0..<3000 {
            let word = (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(pieces) }.joined()
            let stem = stemmer.stem(word)
            #expect(!stem.isEmpty)
            #expect(stem.count <= word.count + 2, "\(word) -> \(stem)")   // "parametri" → "parameteri" adds two
            #expect(stem.count >= min(word.count, stemmer.minimumStem), "\(word) -> \(stem)")
        }
    }

    @Test func rulesAreInTheIndexScript() throws {
        let script = try SearchIndex().script()
        #expect(script.contains("window.LESSONS_STEMMER = {\"dropFinalEFrom\":5,"))
        #expect(script.contains("[\"isation\",\"ization\"]"))
    }

    @Test func indexEntriesCarryStems() {
        let entry = SearchIndex.entries(
            page: "06.html", lessonTitle: "Variational autoencoders", body: "<p>The reparameterised Kullback–Leibler term.</p>",
            headings: []).entries[0]
        #expect(entry.textStems.split(separator: " ").contains("reparameter"))
        #expect(entry.textStems.split(separator: " ").contains("kullbackleibler"))
        #expect(entry.lessonStems == "variational autoencoder")
    }
}
