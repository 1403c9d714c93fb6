/// Splits Markdown into the stretches of prose where math may occur: runs of non-blank lines outside code
/// blocks and front matter (an ATX heading is a stretch of its own).
enum MarkdownChunks {
    /// One line: where it starts and ends (before its line break) and where the next line starts.
    struct Line {
        var start: Int, end: Int, next: Int
    }

    static func lines(in bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var next = index + 1
                if byte == UInt8(ascii: "\r") && next < bytes.count && bytes[next] == UInt8(ascii: "\n") { next += 1 }
                lines.append(Line(start: start, end: index, next: next))
                start = next
                index = next
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(Line(start: start, end: bytes.count, next: bytes.count)) }
        return lines
    }

    /// Indentation in columns (a tab counts to the next multiple of 4) and the offset of the first non-blank.
    static func indentation(_ line: Line, _ bytes: [UInt8]) -> (columns: Int, first: Int) {
        var columns = 0, index = line.start
        while index < line.end {
            if bytes[index] == UInt8(ascii: " ") { columns += 1 } else if bytes[index] == UInt8(ascii: "\t") { columns += 4 - columns % 4 } else { break }
            index += 1
        }
        return (columns, index)
    }

    /// The fence character and length if the line opens (or closes) a fenced code block.
    static func fence(_ line: Line, _ bytes: [UInt8]) -> (character: UInt8, length: Int, rest: Int)? {
        let (columns, first) = indentation(line, bytes)
        guard columns <= 3, first < line.end, bytes[first] == UInt8(ascii: "`") || bytes[first] == UInt8(ascii: "~") else { return nil }
        var index = first
        while index < line.end && bytes[index] == bytes[first] { index += 1 }
        guard index - first >= 3 else { return nil }
        if bytes[first] == UInt8(ascii: "`") && bytes[index..<line.end].contains(UInt8(ascii: "`")) { return nil }
        return (bytes[first], index - first, index)
    }

    static func isListItem(_ line: Line, _ bytes: [UInt8]) -> Bool {
        let (columns, first) = indentation(line, bytes)
        guard columns <= 3, first < line.end else { return false }
        let byte = bytes[first]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return first + 1 >= line.end || bytes[first + 1] == UInt8(ascii: " ") || bytes[first + 1] == UInt8(ascii: "\t")
        }
        var index = first
        while index < line.end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > first, index - first <= 9, index < line.end,
              bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") else { return false }
        return index + 1 >= line.end || bytes[index + 1] == UInt8(ascii: " ")
    }

    static func isHeading(_ line: Line, _ bytes: [UInt8]) -> Bool {
        let (columns, first) = indentation(line, bytes)
        guard columns <= 3 else { return false }
        var index = first
        while index < line.end && bytes[index] == UInt8(ascii: "#") { index += 1 }
        return index > first && index - first <= 6 && (index == line.end || bytes[index] == UInt8(ascii: " "))
    }

    /// The byte ranges of prose stretches, in order.
    static func prose(in bytes: [UInt8]) -> [Range<Int>] {
        let lines = lines(in: bytes)
        var chunks: [Range<Int>] = []
        var chunkStart: Int? = nil, chunkEnd = 0
        func close() {
            if let start = chunkStart { chunks.append(start..<chunkEnd) }
            chunkStart = nil
        }
        var number = 0
        // YAML front matter: a first line `---` up to the next `---` or `...`.
        if let first = lines.first, String(decoding: bytes[first.start..<first.end], as: UTF8.self) == "---" {
            number = 1
            while number < lines.count {
                let text = String(decoding: bytes[lines[number].start..<lines[number].end], as: UTF8.self)
                number += 1
                if text == "---" || text == "..." { break }
            }
        }
        var openFence: (character: UInt8, length: Int)? = nil
        var previousBlank = true, inList = false
        while number < lines.count {
            let line = lines[number]
            number += 1
            let (columns, first) = indentation(line, bytes)
            let blank = first == line.end
            if let open = openFence {
                if let closing = fence(line, bytes), closing.character == open.character, closing.length >= open.length,
                   bytes[closing.rest..<line.end].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    openFence = nil
                }
                previousBlank = false
                continue
            }
            if blank {
                close()
                previousBlank = true
                continue
            }
            if let opening = fence(line, bytes) {
                close()
                openFence = (opening.character, opening.length)
                previousBlank = false
                continue
            }
            if columns >= 4 && previousBlank && !inList {
                close()  // an indented code block line
                continue
            }
            if isListItem(line, bytes) { inList = true } else if columns == 0 && previousBlank { inList = false }
            previousBlank = false
            if isHeading(line, bytes) {
                close()
                chunks.append(line.start..<line.end)
                continue
            }
            if chunkStart == nil { chunkStart = line.start }
            chunkEnd = line.end
        }
        close()
        return chunks
    }
}
