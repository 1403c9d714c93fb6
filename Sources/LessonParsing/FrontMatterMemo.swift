import Foundation
import LessonModel

/// Front matters already read in this process, by file and YAML text. `lessons preview` parses a saved lesson (and
/// its student copy) again on every save, and Yams, unoptimised in a debug build, took a quarter of each rebuild
/// reading the same few lines. The result for a file and a text never changes; the memo forgets everything once it
/// holds more than `limit` bytes of YAML.
final class FrontMatterMemo: @unchecked Sendable {
    /// The memo of ``FrontMatterParser/parse(_:file:)``.
    static let shared = FrontMatterMemo(limit: 16 << 20)

    struct Key: Hashable {
        var file: ExactText
        var yaml: ExactText
        var closingLine: Int
    }

    private let limit: Int
    private let lock = NSLock()
    private var memo: [Key: (FrontMatter?, [Diagnostic])] = [:]
    private var size = 0

    init(limit: Int) { self.limit = limit }

    /// The front matter and diagnostics for `key`, read by `read` unless known.
    func result(_ key: Key, read: () -> (FrontMatter?, [Diagnostic])) -> (FrontMatter?, [Diagnostic]) {
        if let known = lock.withLock({ memo[key] }) { return known }
        let result = read()
        lock.withLock {
            let added = key.yaml.text.utf8.count + key.file.text.utf8.count
            if size + added > limit {
                memo.removeAll(keepingCapacity: true)
                size = 0
            }
            if memo.updateValue(result, forKey: key) == nil { size += added }
        }
        return result
    }
}
