import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The first index at or after `start` where `pattern` occurs, or nil: `memchr` to each candidate first byte, then
    /// a plain comparison. It is the one byte search the project's text scans use (HTML, lessons, compiler output):
    /// the generic `firstRange(of:)` sets up a searcher with allocations and metadata lookups on every call (42% of
    /// checking a 20 MB lesson), and Foundation's searches bridge to UTF-16. An empty pattern is found at `start`.
    public func firstIndex(of pattern: [UInt8], from start: Int = 0) -> Int? {
        guard let first = pattern.first else { return start <= count ? start : nil }
        guard count >= pattern.count else { return nil }
        guard let base = baseAddress else { return nil }
        var index = Swift.max(start, 0)
        let last = count - pattern.count
        while index <= last {
            // The C library's `memchr` finds the next candidate first byte many bytes at a time.
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < pattern.count && self[index + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return index }
            index += 1
        }
        return nil
    }
}

extension Substring {
    /// Whether the text's UTF-8 holds `pattern` (bytes, not Characters: a match may split a grapheme cluster, so a
    /// caller that needs Characters checks its matches again).
    public func containsBytes(_ pattern: [UInt8]) -> Bool { firstByteOffset(of: pattern) != nil }

    /// The first range whose UTF-8 is `pattern`, or nil. The range's bounds are where the bytes start and end; for a
    /// pattern that starts and ends with ASCII they are scalar boundaries, which is what HTML scanning needs (HTML
    /// is read by code points, not by Characters).
    public func firstByteRange(of pattern: [UInt8]) -> Range<String.Index>? {
        guard let offset = firstByteOffset(of: pattern) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: pattern.count)
    }

    private func firstByteOffset(of pattern: [UInt8]) -> Int? {
        utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: pattern) }
            ?? Array(utf8).withUnsafeBufferPointer { $0.firstIndex(of: pattern) }
    }
}

extension String {
    /// Whether the text's UTF-8 holds `pattern` (``Substring/containsBytes(_:)``).
    public func containsBytes(_ pattern: [UInt8]) -> Bool { self[...].containsBytes(pattern) }

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
