/// A 1-based line and column (in Unicode scalars) computed from a UTF-8 byte offset.
struct TextPosition: Hashable, Sendable {
    var line: Int
    var column: Int

    /// The position of byte `offset` in `source`; `\r\n`, `\n` and a lone `\r` each end a line.
    static func of(offset: Int, in source: [UInt8]) -> TextPosition {
        var line = 1, column = 1, index = 0
        let end = min(offset, source.count)
        while index < end {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                if index + 1 < source.count && source[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                    if index >= end { break }
                }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return TextPosition(line: line, column: column)
    }
}
