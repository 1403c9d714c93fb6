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

extension Substring {
    /// The first range whose UTF-8 is `pattern`, or nil (``containsBytes(_:)``'s search, returning where). The
    /// range's bounds are where the bytes start and end; for a pattern that starts and ends with ASCII they are
    /// scalar boundaries, which is what HTML scanning needs (HTML is read by code points, not by Characters).
    public func firstByteRange(of pattern: [UInt8]) -> Range<String.Index>? {
        guard !pattern.isEmpty else { return startIndex..<startIndex }
        let bytes = utf8
        let count = bytes.count
        guard count >= pattern.count else { return nil }
        let offset: Int? = bytes.withContiguousStorageIfAvailable { buffer in
            var index = 0
            let last = count - pattern.count
            while index <= last {
                if buffer[index] == pattern[0] {
                    var matched = 1
                    while matched < pattern.count && buffer[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        } ?? Array(bytes).withUnsafeBufferPointer { buffer in
            var index = 0
            while index <= count - pattern.count {
                if Array(buffer[index..<(index + pattern.count)]) == pattern { return index }
                index += 1
            }
            return nil
        }
        guard let offset else { return nil }
        let start = bytes.index(bytes.startIndex, offsetBy: offset)
        return start..<bytes.index(start, offsetBy: pattern.count)
    }
}

extension String {
    /// The text split at every occurrence of `separator`'s UTF-8 (as `components(separatedBy:)` splits, by bytes:
    /// for HTML, whose markers are ASCII and which is read by code points). An empty separator gives the text.
    public func components(separatedByBytes separator: String) -> [String] {
        let pattern = Array(separator.utf8)
        guard !pattern.isEmpty else { return [self] }
        var pieces: [String] = []
        var rest = self[...]
        while let range = rest.firstByteRange(of: pattern) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }

    /// The text with every occurrence of `target`'s UTF-8 replaced by `replacement` (``components(separatedByBytes:)``
    /// joined by `replacement`).
    public func replacingBytes(of target: String, with replacement: String) -> String {
        guard containsBytes(Array(target.utf8)) else { return self }
        return components(separatedByBytes: target).joined(separator: replacement)
    }
}
