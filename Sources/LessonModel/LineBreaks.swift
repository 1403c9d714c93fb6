import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The offset just past each line break (`\n`, `\r\n` or a lone `\r`, as CommonMark ends lines), in order.
    ///
    /// A text without a carriage return (most lessons) is searched with the C library's `memchr`, many bytes at a
    /// time; with one, byte by byte. The line indexes of a long lesson (``SourceText``, cmark's pieces) are built
    /// from this.
    public func lineBreakEnds() -> [Int] {
        var ends: [Int] = []
        guard let base = baseAddress, count > 0 else { return ends }
        ends.reserveCapacity(count / 32 + 1)
        if memchr(base, 0x0D, count) == nil {
            var offset = 0
            while offset < count, let found = memchr(base + offset, 0x0A, count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                ends.append(offset)
            }
            return ends
        }
        var offset = 0
        while offset < count {
            let byte = self[offset]
            offset += 1
            guard byte == 0x0A || byte == 0x0D else { continue }
            if byte == 0x0D, offset < count, self[offset] == 0x0A { offset += 1 }
            ends.append(offset)
        }
        return ends
    }
}
