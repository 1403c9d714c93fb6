/// A text with an index of its lines, for editing by line ranges without touching anything else.
///
/// Lines are 1-based. A line's terminator (`\n`, `\r\n`) belongs to it; the last line may have none.
public struct SourceText: Sendable {
    /// The UTF-8 bytes of the text.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Indexes `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        for (offset, byte) in bytes.enumerated() where byte == 0x0A && offset + 1 < bytes.count {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// Indexes `text`.
    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// Number of lines (an empty text has one empty line).
    public var lineCount: Int { lineStarts.count }

    /// Byte offset of the start of `line`.
    public func startOffset(ofLine line: Int) -> Int { lineStarts[line - 1] }

    /// Byte offset just past `line`'s terminator (the start of the next line, or the end of the text).
    public func endOffset(ofLine line: Int) -> Int {
        line < lineCount ? lineStarts[line] : bytes.count
    }

    /// Byte offset just past `line`'s content, before its terminator.
    public func contentEndOffset(ofLine line: Int) -> Int {
        var end = endOffset(ofLine: line)
        if end > startOffset(ofLine: line), bytes[end - 1] == 0x0A { end -= 1 }
        if end > startOffset(ofLine: line), bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Whether `line` ends with a line terminator.
    public func hasTerminator(line: Int) -> Bool {
        contentEndOffset(ofLine: line) != endOffset(ofLine: line)
    }

    /// The terminator of `line` (`"\n"`, `"\r\n"`), or `nil` for a last line without one.
    public func terminator(ofLine line: Int) -> String? {
        let content = contentEndOffset(ofLine: line)
        let end = endOffset(ofLine: line)
        guard content != end else { return nil }
        return end - content == 2 ? "\r\n" : "\n"
    }

    /// The content of `line`, without its terminator (invalid UTF-8 is repaired).
    public func content(ofLine line: Int) -> Substring {
        Substring(decoding: bytes[startOffset(ofLine: line)..<contentEndOffset(ofLine: line)], as: UTF8.self)
    }

    /// Whether `line` holds only spaces and tabs.
    public func isBlank(line: Int) -> Bool {
        bytes[startOffset(ofLine: line)..<contentEndOffset(ofLine: line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of `lines`, terminators included.
    public func text(of lines: LineRange) -> String {
        String(decoding: bytes[startOffset(ofLine: lines.first)..<endOffset(ofLine: lines.last)], as: UTF8.self)
    }

    /// The line containing byte `offset`.
    public func line(containingOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}
