import Foundation
import LessonModel

/// Solution contexts already decided in this process, by marker line and cell source. Deciding one parses the cell
/// with swift-syntax, which a debug build leaves unoptimised: `lessons preview` makes the student copy of a saved
/// lesson on every save, and parsing its exercise cells again was a third of each rebuild. The context of a
/// source never changes; the memo forgets everything once it holds more than `limit` bytes of source.
final class SolutionContextMemo: @unchecked Sendable {
    /// The memo of ``SolutionContext/of(markerLine:inCell:)``.
    static let shared = SolutionContextMemo(limit: 16 << 20)

    private struct Key: Hashable {
        var markerLine: Int
        var source: ExactText
    }

    private let limit: Int
    private let lock = NSLock()
    private var memo: [Key: SolutionContext] = [:]
    private var size = 0

    init(limit: Int) { self.limit = limit }

    /// The context of the region whose marker is line `markerLine` of `source`, decided by `decide` unless known.
    func context(markerLine: Int, source: String, decide: () -> SolutionContext) -> SolutionContext {
        let key = Key(markerLine: markerLine, source: ExactText(source))
        if let known = lock.withLock({ memo[key] }) { return known }
        let context = decide()
        lock.withLock {
            if size + source.utf8.count > limit {
                memo.removeAll(keepingCapacity: true)
                size = 0
            }
            if memo.updateValue(context, forKey: key) == nil { size += source.utf8.count }
        }
        return context
    }
}
