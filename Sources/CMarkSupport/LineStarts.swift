import LessonModel

/// Byte offsets of line starts in a UTF-8 buffer, to find what cmark's line and column numbers point at.
///
/// Lines end as cmark ends them: `\n`, `\r\n` or a lone `\r`. cmark counts columns in the bytes of the line it
/// processed, where a NUL became U+FFFD (3 bytes) and a leading byte order mark was skipped; ``offset(line:column:)``
/// maps such a column back to the raw bytes.
struct LineStarts {
    let bytes: [UInt8]
    private let starts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        starts = [0] + bytes.withUnsafeBufferPointer { $0.lineBreakEnds() }
    }

    /// The number of line breaks (a text that ends with one has as many lines, as cmark counts them).
    var count: Int { starts.count - 1 }

    /// The raw byte offset of 1-based `line` and cmark's byte `column`.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= starts.count else { return bytes.count }
        var offset = starts[line - 1]
        if line == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset += 3 }
        var remaining = max(0, column - 1)
        while remaining > 0, offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D {
            remaining -= bytes[offset] == 0 ? 3 : 1
            offset += 1
        }
        return min(bytes.count, offset + max(0, remaining))
    }
}
