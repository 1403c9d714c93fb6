/// Finds the TeX math of a Markdown text before Markdown parses it, so that `$x_{i}$ and $y_{j}$` never becomes
/// emphasis and `\\` or `\{` inside math survive.
///
/// Rules (pandoc's): `$$…$$` is display math and may span lines; `$…$` is inline math on one paragraph, whose
/// opening `$` is not followed by a space and whose closing `$` is not preceded by a space nor followed by a
/// digit (so "costs $5 and $6" is text); `\$` is a dollar sign; nothing inside code spans (any backtick run)
/// or fenced code blocks (``` or ~~~, indented up to three spaces) is math.
enum MathSpanFinder {
    /// A math span of the text.
    struct Span: Sendable, Equatable {
        /// UTF-8 byte range of the whole span, delimiters included.
        var range: Range<Int>
        /// The TeX between the delimiters.
        var tex: String
        var display: Bool
        /// 1-based line and column (in bytes) of the opening delimiter, in the text given.
        var line: Int
        var column: Int
    }

    /// A `$$` that is never closed.
    struct UnclosedDisplayMath: Error, Equatable {
        var line: Int
        var column: Int
    }

    static func spans(in text: String) throws(UnclosedDisplayMath) -> [Span] {
        let bytes = Array(text.utf8)
        var spans: [Span] = []
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func location(_ offset: Int) -> (Int, Int) {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return (low + 1, offset - lineStarts[low] + 1)
        }
        let fenced = fencedCodeLines(bytes, lineStarts: lineStarts)
        var i = 0
        while i < bytes.count {
            let (line, _) = location(i)
            if fenced.contains(line) {
                i = line < lineStarts.count ? lineStarts[line] : bytes.count
                continue
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") { i += 2; continue }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while i + run < bytes.count && bytes[i + run] == UInt8(ascii: "`") { run += 1 }
                if let close = closingBackticks(bytes, from: i + run, run: run) { i = close + run } else { i += run }
                continue
            }
            guard byte == UInt8(ascii: "$") else { i += 1; continue }
            if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "$") {
                var j = i + 2
                while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "$") && bytes[j + 1] == UInt8(ascii: "$") && bytes[j - 1] != UInt8(ascii: "\\")) { j += 1 }
                let (startLine, startColumn) = location(i)
                guard j + 1 < bytes.count else { throw UnclosedDisplayMath(line: startLine, column: startColumn) }
                spans.append(Span(range: i..<(j + 2), tex: String(decoding: bytes[(i + 2)..<j], as: UTF8.self), display: true,
                    line: startLine, column: startColumn))
                i = j + 2
                continue
            }
            // Inline: the opening $ must be followed by a non-space.
            guard i + 1 < bytes.count, !isSpace(bytes[i + 1]) else { i += 1; continue }
            var j = i + 1
            var closed: Int?
            while j < bytes.count {
                if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
                if bytes[j] == UInt8(ascii: "\n"), j + 1 < bytes.count, isBlankLine(bytes, from: j + 1) { break }
                if bytes[j] == UInt8(ascii: "$") {
                    let beforeIsSpace = isSpace(bytes[j - 1])
                    let afterIsDigit = j + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j + 1])
                    if !beforeIsSpace && !afterIsDigit { closed = j }
                    break
                }
                j += 1
            }
            if let close = closed {
                let (startLine, startColumn) = location(i)
                spans.append(Span(range: i..<(close + 1), tex: String(decoding: bytes[(i + 1)..<close], as: UTF8.self),
                    display: false, line: startLine, column: startColumn))
                i = close + 1
            } else {
                i += 1
            }
        }
        return spans
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isBlankLine(_ bytes: [UInt8], from start: Int) -> Bool {
        var k = start
        while k < bytes.count && bytes[k] != UInt8(ascii: "\n") {
            if !isSpace(bytes[k]) { return false }
            k += 1
        }
        return true
    }

    private static func closingBackticks(_ bytes: [UInt8], from start: Int, run: Int) -> Int? {
        var k = start
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "`") {
                var length = 0
                while k + length < bytes.count && bytes[k + length] == UInt8(ascii: "`") { length += 1 }
                if length == run { return k }
                k += length
            } else {
                k += 1
            }
        }
        return nil
    }

    /// 1-based lines inside fenced code blocks, fences included.
    private static func fencedCodeLines(_ bytes: [UInt8], lineStarts: [Int]) -> Set<Int> {
        var lines: Set<Int> = []
        var open: (character: UInt8, length: Int)?
        for (index, start) in lineStarts.enumerated() {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
            var k = start, indent = 0
            while k < end && bytes[k] == UInt8(ascii: " ") && indent < 4 { k += 1; indent += 1 }
            var fence: (UInt8, Int)?
            if indent < 4, k < end, bytes[k] == UInt8(ascii: "`") || bytes[k] == UInt8(ascii: "~") {
                var length = 0
                while k + length < end && bytes[k + length] == bytes[k] { length += 1 }
                if length >= 3 { fence = (bytes[k], length) }
            }
            if let current = open {
                lines.insert(index + 1)
                if let fence, fence.0 == current.character, fence.1 >= current.length { open = nil }
            } else if let fence {
                open = (fence.0, fence.1)
                lines.insert(index + 1)
            }
        }
        return lines
    }
}
