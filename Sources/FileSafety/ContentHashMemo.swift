public import Foundation

/// The SHA-256 of each path's content at the last write of a folder that is written again and again
/// (`lessons preview` writes its site after every save): a file whose bytes are those of the last write is not
/// hashed again. Bytes are compared whole, so a memo never gives the hash of other bytes. Safe from any thread.
public final class ContentHashMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: (bytes: [UInt8], hash: String)] = [:]

    /// An empty memo.
    public init() {}

    /// The lowercase hex SHA-256 of `bytes`, the content of `path`; remembered as that path's last content.
    func hash(_ bytes: [UInt8], path: String) -> String {
        if let kept = lock.withLock({ last[path] }), Self.same(kept.bytes, bytes) { return kept.hash }
        let hash = FolderManifest.hash(bytes)
        lock.withLock { last[path] = (bytes, hash) }
        return hash
    }

    /// Forgets the paths not in `paths` (files no longer written).
    func keep(only paths: Set<String>) {
        lock.withLock { last = last.filter { paths.contains($0.key) } }
    }

    private static func same(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        return left.withUnsafeBytes { a in
            right.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}
