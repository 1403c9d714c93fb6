import Foundation
import LessonModel

/// Highlighted HTML of code blocks already highlighted in this process, by their code. `lessons preview` renders a
/// changed lesson again on every save, and highlighting its cells with swift-syntax's parser was a third of each
/// rebuild in a debug build, though an edit of the prose changes no cell. The HTML of a code never changes, so a
/// remembered one is the same bytes (codes are told apart by their bytes, ``ExactText``: by String equality a code
/// and the same code in another Unicode normal form would share one HTML); the memo forgets everything once it holds more than `limit` bytes of code and
/// HTML, so a long preview session of many edits stays bounded.
final class HighlightMemo: @unchecked Sendable {
    /// The memo of ``SwiftHighlighter/html(_:)``.
    static let swift = HighlightMemo(limit: 64 << 20) { SwiftHighlighter.highlight($0) }

    private let highlight: @Sendable (String) -> String
    private let limit: Int
    private let lock = NSLock()
    private var memo: [ExactText: String] = [:]
    private var size = 0

    init(limit: Int, highlight: @escaping @Sendable (String) -> String) {
        self.limit = limit
        self.highlight = highlight
    }

    /// The HTML of `code`, highlighted once.
    func html(_ code: String) -> String {
        let key = ExactText(code)
        if let known = lock.withLock({ memo[key] }) { return known }
        let html = highlight(code)
        lock.withLock {
            let added = code.utf8.count + html.utf8.count
            if size + added > limit {
                memo.removeAll(keepingCapacity: true)
                size = 0
            }
            if memo.updateValue(html, forKey: key) == nil { size += added }
        }
        return html
    }

    /// How many codes are remembered (for tests).
    var count: Int { lock.withLock { memo.count } }
}
