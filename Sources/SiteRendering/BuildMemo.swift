import Foundation

/// Values kept from one build to the next by key, with the keys the current build used, so that what a build no
/// longer needs can be dropped (``SiteRenderCache``'s parts). Safe to use from the build's pool.
final class BuildMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var used: Set<Key> = []
    private var counts = (made: 0, kept: 0)

    /// Values made and values kept since the memo was made.
    var madeAndKept: (made: Int, kept: Int) { lock.withLock { counts } }

    /// The value for `key`, made by `make` unless kept; the key counts as used by this build.
    func value(_ key: Key, make: () -> Value) -> Value {
        let kept = lock.withLock { () -> Value? in
            used.insert(key)
            let value = values[key]
            if value == nil { counts.made += 1 } else { counts.kept += 1 }
            return value
        }
        if let kept { return kept }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }

    /// Drops the values this build did not use; the next build starts counting use afresh.
    func endBuild() {
        lock.withLock {
            // Every value used (the usual preview rebuild): nothing to drop, and no dictionary to make again.
            if used.count != values.count { values = values.filter { used.contains($0.key) } }
            used = []
        }
    }
}
