import Foundation
import LessonModel

/// The stems of ``SearchStemmer/standard`` already computed, by word, shared by the pages a build indexes on its
/// pool: a course's vocabulary is a few thousand words, and each was stemmed again on every page (stemming was 6%
/// of building 1,000 pages). The stem of a word never changes, so the memo only grows within a process. Words are
/// told apart by their bytes (``ExactText``), so a word never gets the stem of another normal form of itself.
final class StemMemo: @unchecked Sendable {
    /// The memo of the standard stemmer.
    static let standard = StemMemo(stemmer: .standard)

    private let stemmer: SearchStemmer
    private let lock = NSLock()
    private var stems: [ExactText: String] = [:]

    init(stemmer: SearchStemmer) { self.stemmer = stemmer }

    /// The stem of `word`, computed once.
    func stem(_ word: String) -> String {
        let key = ExactText(word)
        if let known = lock.withLock({ stems[key] }) { return known }
        let stem = stemmer.stem(word)
        lock.withLock { stems[key] = stem }
        return stem
    }
}
