extension Substring {
    /// Whether the text's UTF-8 holds `pattern` (bytes, not Characters: a match may split a grapheme cluster, so a
    /// caller that needs Characters checks its matches again). A plain loop over contiguous bytes: the generic
    /// `firstRange(of:)` sets up a searcher with allocations and metadata lookups on every call, which over the
    /// 800,000 lines of a 20 MB lesson was 42% of `lessons check`.
    public func containsBytes(_ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ bytes in Self.search(pattern, first: first, in: bytes) }) {
            return found
        }
        return Array(utf8).withUnsafeBufferPointer { Self.search(pattern, first: first, in: $0) }
    }

    private static func search(_ pattern: [UInt8], first: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < pattern.count && bytes[index + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// Whether the text's UTF-8 holds `pattern` (``Substring/containsBytes(_:)``).
    public func containsBytes(_ pattern: [UInt8]) -> Bool { self[...].containsBytes(pattern) }
}
