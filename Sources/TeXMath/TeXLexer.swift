/// Splits TeX math source into tokens: commands, characters, braces, scripts, `&`, parameters and spaces.
///
/// Comments (`%` to the end of the line) are dropped. Works on UTF-8 bytes; non-ASCII characters become one
/// `character` token each.
struct TeXLexer {
    /// The source as UTF-8 bytes.
    let source: [UInt8]

    /// Tokenizes the whole source; `#` not followed by a digit 1–9 is an error.
    func tokens() throws(TeXMathError) -> [TeXToken] {
        var tokens: [TeXToken] = []
        tokens.reserveCapacity(source.count)
        var index = 0
        let count = source.count
        while index < count {
            let start = index
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 1
                if index >= count {
                    throw TeXMathError("a backslash ends the formula", at: start, in: source)
                }
                if Self.isLetter(source[index]) {
                    while index < count && Self.isLetter(source[index]) { index += 1 }
                    tokens.append(TeXToken(kind: .command(Self.string(source[(start + 1)..<index])), offset: start))
                    // A control word swallows the spaces after it, as in TeX.
                    while index < count && Self.isSpace(source[index]) { index += 1 }
                } else {
                    let (scalar, length) = Self.decode(source, at: index)
                    index += length
                    tokens.append(TeXToken(kind: .command(String(Character(scalar))), offset: start))
                }
            case UInt8(ascii: "{"):
                tokens.append(TeXToken(kind: .beginGroup, offset: start)); index += 1
            case UInt8(ascii: "}"):
                tokens.append(TeXToken(kind: .endGroup, offset: start)); index += 1
            case UInt8(ascii: "^"):
                tokens.append(TeXToken(kind: .superscript, offset: start)); index += 1
            case UInt8(ascii: "_"):
                tokens.append(TeXToken(kind: .subscriptMark, offset: start)); index += 1
            case UInt8(ascii: "&"):
                tokens.append(TeXToken(kind: .alignment, offset: start)); index += 1
            case UInt8(ascii: "~"):
                tokens.append(TeXToken(kind: .tie, offset: start)); index += 1
            case UInt8(ascii: "%"):
                while index < count && source[index] != UInt8(ascii: "\n") && source[index] != UInt8(ascii: "\r") { index += 1 }
            case UInt8(ascii: "#"):
                index += 1
                guard index < count, source[index] >= UInt8(ascii: "1"), source[index] <= UInt8(ascii: "9") else {
                    throw TeXMathError("# must be followed by a parameter number 1-9", at: start, in: source)
                }
                tokens.append(TeXToken(kind: .parameter(Int(source[index] - UInt8(ascii: "0"))), offset: start))
                index += 1
            case _ where Self.isSpace(byte):
                while index < count && Self.isSpace(source[index]) { index += 1 }
                tokens.append(TeXToken(kind: .space, offset: start))
            default:
                let (scalar, length) = Self.decode(source, at: index)
                index += length
                tokens.append(TeXToken(kind: .character(scalar), offset: start))
            }
        }
        return tokens
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes the UTF-8 scalar starting at `index`; invalid bytes become U+FFFD of length 1.
    static func decode(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        if length == 1 { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for next in bytes[(index + 1)..<(index + length)] {
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
