import Foundation
import LessonModel

/// What search makes of each piece of text (a run between ASCII spaces, line feeds and tabs) already computed, shared
/// by the pages a build indexes on its pool: a course's text is a few thousand different pieces, and folding and
/// stemming each again on every page was a sixth of building 1,000 pages. What a piece gives never changes, so the
/// memo only grows within a process. Pieces are told apart by their bytes (``ExactText``), so a piece never gets the
/// stems of another normal form of itself; the memo is split in shards with a lock each, so that the pool's threads
/// seldom wait for one another.
final class SearchPieceMemo: @unchecked Sendable {
    /// What a piece gives search (``SearchFolding/pieceStems(_:stemmer:)``).
    struct Stems: Sendable {
        /// The stems of the piece's folded words, in order.
        var words: [String]
        /// The stems of its words joined by hyphens or dashes, in order.
        var compounds: [String]
    }

    /// The memo of the standard stemmer.
    static let standard = SearchPieceMemo(stemmer: .standard)

    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        var stems: [ExactText: Stems] = [:]
    }

    private let stemmer: SearchStemmer
    private let shards = (0..<16).map { _ in Shard() }

    init(stemmer: SearchStemmer) { self.stemmer = stemmer }

    /// What `piece` gives search, computed once.
    func stems(_ piece: String) -> Stems {
        let key = ExactText(piece)
        let shard = shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
        if let known = shard.lock.withLock({ shard.stems[key] }) { return known }
        let stems = SearchFolding.pieceStems(piece, stemmer: stemmer)
        shard.lock.withLock { shard.stems[key] = stems }
        return stems
    }
}
