/// A text with an index of its lines, for editing by line ranges without touching anything else.
///
/// Lines are 1-based and follow CommonMark (and so cmark): a line ends at `\n`, `\r\n` or a lone `\r`, and the
/// terminator belongs to its line; the last line may have none. Every lookup is total: a line number outside
/// `1...lineCount` is clamped into it, so no input and no stale line number can trap.
public struct SourceText: Sendable {
    /// The bytes of the text (UTF-8 when it came from a lesson; any bytes are indexed).
    public let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Indexes `bytes`.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        starts += bytes.withUnsafeBufferPointer { $0.lineBreakEnds() }
        // A break at the very end starts no line.
        if starts.count > 1, starts[starts.count - 1] == bytes.count { starts.removeLast() }
        self.lineStarts = starts
    }

    /// Indexes `text`.
    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    /// Number of lines (an empty text has one empty line).
    public var lineCount: Int { lineStarts.count }

    /// `line` clamped into `1...lineCount`.
    public func clamped(_ line: Int) -> Int { min(max(line, 1), lineCount) }

    /// Byte offset of the start of `line`.
    public func startOffset(ofLine line: Int) -> Int { lineStarts[clamped(line) - 1] }

    /// Byte offset just past `line`'s terminator (the start of the next line, or the end of the text).
    public func endOffset(ofLine line: Int) -> Int {
        let line = clamped(line)
        return line < lineCount ? lineStarts[line] : bytes.count
    }

    /// Byte offset just past `line`'s content, before its terminator.
    public func contentEndOffset(ofLine line: Int) -> Int {
        let start = startOffset(ofLine: line)
        var end = endOffset(ofLine: line)
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Whether `line` ends with a line terminator.
    public func hasTerminator(line: Int) -> Bool {
        contentEndOffset(ofLine: line) != endOffset(ofLine: line)
    }

    /// The terminator of `line` (`"\n"`, `"\r\n"`, `"\r"`), or `nil` for a last line without one.
    public func terminator(ofLine line: Int) -> String? {
        let content = contentEndOffset(ofLine: line)
        let end = endOffset(ofLine: line)
        guard content != end else { return nil }
        if end - content == 2 { return "\r\n" }
        return bytes[content] == 0x0D ? "\r" : "\n"
    }

    /// The bytes of `line`'s content, without its terminator.
    public func contentBytes(ofLine line: Int) -> ArraySlice<UInt8> {
        bytes[startOffset(ofLine: line)..<contentEndOffset(ofLine: line)]
    }

    /// The content of `line`, without its terminator (invalid UTF-8 is repaired).
    public func content(ofLine line: Int) -> Substring {
        Substring(decoding: contentBytes(ofLine: line), as: UTF8.self)
    }

    /// Whether `line` holds only spaces and tabs.
    public func isBlank(line: Int) -> Bool {
        contentBytes(ofLine: line).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of `lines`, terminators included.
    public func text(of lines: LineRange) -> String {
        let start = startOffset(ofLine: lines.first)
        return String(decoding: bytes[start..<max(start, endOffset(ofLine: lines.last))], as: UTF8.self)
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
