/// Finds the math in Markdown source before any Markdown parsing, so math is never read as Markdown.
///
/// Use it to protect math from Markdown's rules (`$x_{i}$ and $y_{j}$` would otherwise become emphasis, and
/// `\\` or `\{` would lose a backslash):
/// 1. `let spans = try MathSpanScanner.spans(in: markdown)`;
/// 2. replace each span's `range` (UTF-8 byte offsets, delimiters included) by a placeholder that Markdown
///    leaves alone (e.g. `MATHSPAN0001`), working from the last span to the first so offsets stay valid;
/// 3. parse the result with cmark and render it;
/// 4. substitute each placeholder by `MathMLConverter.convert(span.tex, display: span.display).mathML`
///    (map a conversion error to the Markdown file with `span.location(of:)`).
///
/// Rules (those of pandoc's `tex_math_dollars`): `$$...$$` is display math and may span lines; `$...$` is
/// inline math, where the opening `$` must not be followed by white space and the closing `$` must not be
/// preceded by white space nor followed by a digit (so "costs $5 and $6" is text); `\$` is a literal dollar;
/// nothing inside code spans (any backtick run), fenced code blocks (``` or ~~~, three or more, indented up
/// to three spaces), indented code blocks or the YAML front matter is math. Math does not cross a blank line.
/// An unclosed `$$` is an error at its line and column.
public enum MathSpanScanner {
    /// All math spans of `markdown`, in order.
    public static func spans(in markdown: String) throws(TeXMathError) -> [MathSpan] {
        let bytes = Array(markdown.utf8)
        var finder = SpanFinder(bytes: bytes)
        for chunk in MarkdownChunks.prose(in: bytes) {
            try finder.scan(chunk)
        }
        return finder.spans
    }
}

/// Finds math spans inside one stretch of prose (no blank lines, no code blocks).
struct SpanFinder {
    let bytes: [UInt8]
    var spans: [MathSpan] = []
    /// Start offsets of lines, for positions.
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                starts.append(index + 1)
            }
        }
        lineStarts = starts
    }

    /// 1-based line and column (Unicode scalars) of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        for index in lineStarts[low]..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return (low + 1, column)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    mutating func scan(_ chunk: Range<Int>) throws(TeXMathError) {
        let end = chunk.upperBound
        var index = chunk.lowerBound
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += index + 1 < end && Self.isPunctuation(bytes[index + 1]) ? 2 : 1
            } else if byte == UInt8(ascii: "`") {
                index = codeSpanEnd(at: index, end: end)
            } else if byte == UInt8(ascii: "$") {
                if index + 1 < end && bytes[index + 1] == UInt8(ascii: "$") {
                    index = try displayMath(at: index, end: end)
                } else {
                    index = inlineMath(at: index, end: end)
                }
            } else {
                index += 1
            }
        }
    }

    /// After the code span opened by the backtick run at `start`, or after the run if it is never closed.
    func codeSpanEnd(at start: Int, end: Int) -> Int {
        var runEnd = start
        while runEnd < end && bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < end {
            if bytes[index] == UInt8(ascii: "`") {
                var closeEnd = index
                while closeEnd < end && bytes[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
                if closeEnd - index == length { return closeEnd }
                index = closeEnd
            } else {
                index += 1
            }
        }
        return runEnd
    }

    mutating func displayMath(at start: Int, end: Int) throws(TeXMathError) -> Int {
        var index = start + 2
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "$") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "$") {
                append(start..<(index + 2), content: (start + 2)..<index, display: true)
                return index + 2
            }
            index += 1
        }
        let (line, column) = position(of: start)
        throw TeXMathError(message: "unclosed $$", line: line, column: column, offset: start)
    }

    mutating func inlineMath(at start: Int, end: Int) -> Int {
        guard start + 1 < end, !Self.isSpace(bytes[start + 1]) else { return start + 1 }
        var index = start + 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "$") {
                let afterIsDigit = index + 1 < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
                if !Self.isSpace(bytes[index - 1]) && !afterIsDigit {
                    append(start..<(index + 1), content: (start + 1)..<index, display: false)
                    return index + 1
                }
            }
            index += 1
        }
        return start + 1
    }

    mutating func append(_ range: Range<Int>, content: Range<Int>, display: Bool) {
        let (line, column) = position(of: range.lowerBound)
        let tex = String(decoding: bytes[content], as: UTF8.self)
        spans.append(MathSpan(range: range, tex: tex, display: display, line: line, column: column))
    }
}
