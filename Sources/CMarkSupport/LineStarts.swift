/// Byte offsets of line starts in a UTF-8 buffer, to find what cmark's line and column numbers point at.
struct LineStarts {
    let bytes: [UInt8]
    private let starts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.starts = starts
    }

    /// The byte offset of 1-based `line` and byte `column` (cmark counts columns in bytes).
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= starts.count else { return bytes.count }
        return min(bytes.count, starts[line - 1] + max(0, column - 1))
    }
}
