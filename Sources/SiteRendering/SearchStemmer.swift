/// A small suffix-stripping stemmer for search, so that "sampling", "samples" and "sampled" meet, and British
/// and American spellings ("reparameterisation", "reparametrization", "colour", "color") with them.
///
/// The rules are data: `lessons build` applies them to the index's words and writes them into
/// `search-index.js`, where the site's script applies the same rules to a query, in the same order:
/// 1. `plurals`: the first suffix that fits is replaced (`densities` → `density`, `samples` → `sample`);
/// 2. `variants`: every pair replaces its first string anywhere in the word (`parametri` → `parameteri`);
/// 3. `spellings`: the first British suffix that fits becomes the American one (`isation` → `ization`);
/// 4. `suffixes`: the first suffix that fits is replaced (`ization`, `ing`, `ed`, …);
/// 5. a final `e` is dropped from a word of `dropFinalEFrom` letters or more (`sample` → `sampl`).
/// A suffix fits when at least `minimumStem` letters stay before it; a rule that keeps its suffix (`ss` → `ss`)
/// always fits, and so guards the word from the rules after it. Words of fewer than `minimumStem + 1`
/// letters (code points) and words with digits are left as they are.
struct SearchStemmer: Encodable, Sendable {
    var plurals: [[String]]
    var variants: [[String]]
    var spellings: [[String]]
    var suffixes: [[String]]
    var minimumStem: Int
    var dropFinalEFrom: Int

    /// The course site's rules.
    static let standard = SearchStemmer(
        plurals: [["sses", "ss"], ["ies", "y"], ["ss", "ss"], ["us", "us"], ["is", "is"], ["s", ""]],
        variants: [["parametri", "parameteri"]],
        spellings: [["isation", "ization"], ["ising", "izing"], ["ised", "ized"], ["iser", "izer"], ["ise", "ize"],
                    ["yse", "yze"], ["ysed", "yzed"], ["ysing", "yzing"], ["our", "or"]],
        suffixes: [["ization", ""], ["izing", ""], ["ized", ""], ["izer", ""], ["ize", ""], ["ingly", ""],
                   ["ing", ""], ["ied", "y"], ["ed", ""], ["ly", ""]],
        minimumStem: 3, dropFinalEFrom: 5)

    /// The stem of a folded word (``SearchFolding/fold(_:)``).
    func stem(_ word: String) -> String {
        guard word.unicodeScalars.count > minimumStem, word.unicodeScalars.allSatisfy(SearchFolding.isLetterScalar) else { return word }
        var stem = replaceSuffix(word, plurals)
        for pair in variants {
            if let range = stem.range(of: pair[0]) { stem.replaceSubrange(range, with: pair[1]) }
        }
        stem = replaceSuffix(stem, spellings)
        stem = replaceSuffix(stem, suffixes)
        if stem.unicodeScalars.count >= dropFinalEFrom && stem.hasSuffix("e") { stem.removeLast() }
        return stem
    }

    /// `word` with the first rule's suffix that fits replaced, or `word` if none fits.
    private func replaceSuffix(_ word: String, _ rules: [[String]]) -> String {
        for rule in rules where word.hasSuffix(rule[0])
            && (rule[0] == rule[1] || word.unicodeScalars.count - rule[0].unicodeScalars.count >= minimumStem) {
            return String(String.UnicodeScalarView(word.unicodeScalars.dropLast(rule[0].unicodeScalars.count))) + rule[1]
        }
        return word
    }
}
