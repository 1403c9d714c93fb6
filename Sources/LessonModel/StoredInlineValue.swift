/// The value of an inline expression as the last run left it in the lesson, right after the expression:
/// `` `{swift} nll`<!--value:1a2b3c4d-->18.17<!--/value--> ``.
///
/// Markdown viewers hide the comments and show the value next to the expression, so the file still reads
/// well; `hash` covers the expression and everything run before it, so a stale value is found without running.
/// In the stored text, Markdown's active characters are backslash-escaped and line breaks become spaces.
public struct StoredInlineValue: Hashable, Sendable {
    /// The fingerprint the value was computed under (8 hexadecimal digits).
    public var hash: String
    /// The value's text, unescaped.
    public var text: String
    /// The bytes of the stored value in the lesson, both comments included.
    public var range: Range<Int>
    /// Whether the stored text is as the runner wrote it: the opening comment records a check of the text
    /// (`<!--value:HASH:CHECK-->`) and the text matches it. A value that is not intact is stale.
    public var isIntact: Bool

    /// Creates a stored value.
    public init(hash: String, text: String, range: Range<Int>, isIntact: Bool = true) {
        self.hash = hash
        self.text = text
        self.range = range
        self.isIntact = isIntact
    }

    /// What opens a stored value, before its hash.
    public static let openingPrefix = "<!--value:"
    /// What closes a stored value.
    public static let closing = "<!--/value-->"

    /// The stored form of `text` computed under `hash`, with a check of the stored text.
    public static func markup(hash: String, text: String) -> String {
        let stored = escaped(text)
        return "\(openingPrefix)\(hash):\(check(of: stored.utf8))-->\(stored)\(closing)"
    }

    /// The check of a stored text: 8 hexadecimal digits of its ``OutputMarker/contentHash(of:)``.
    static func check<Bytes: Sequence<UInt8>>(of bytes: Bytes) -> String {
        String(OutputMarker.contentHash(of: [Array(bytes)]).prefix(8))
    }

    /// Reads a stored value that starts exactly at `offset` of `bytes` and ends on the same line; nil if there is
    /// none.
    public static func parse(_ bytes: [UInt8], at offset: Int) -> StoredInlineValue? {
        let prefix = Array(openingPrefix.utf8)
        guard bytes.count >= offset + prefix.count, bytes[offset..<(offset + prefix.count)].elementsEqual(prefix)
        else { return nil }
        var index = offset + prefix.count
        let hashStart = index
        while index < bytes.count, isHexDigit(bytes[index]) { index += 1 }
        let hash = String(decoding: bytes[hashStart..<index], as: UTF8.self)
        var check: String?
        if index < bytes.count, bytes[index] == 0x3A {
            let checkStart = index + 1
            index = checkStart
            while index < bytes.count, isHexDigit(bytes[index]) { index += 1 }
            check = String(decoding: bytes[checkStart..<index], as: UTF8.self)
        }
        guard !hash.isEmpty, bytes[index...].starts(with: "-->".utf8) else { return nil }
        index += 3
        let textStart = index
        let closingBytes = Array(closing.utf8)
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != 0x0D {
            if bytes[index...].starts(with: closingBytes) {
                let text = unescaped(String(decoding: bytes[textStart..<index], as: UTF8.self))
                return StoredInlineValue(
                    hash: hash, text: text, range: offset..<(index + closingBytes.count),
                    isIntact: check != nil && check == Self.check(of: bytes[textStart..<index]))
            }
            index += bytes[index] == 0x5C ? 2 : 1
        }
        return nil
    }

    /// Characters that Markdown (or the math scanner) would read as markup inside a paragraph or table row.
    private static let active: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "$", "~"]

    static func escaped(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isNewline {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                if !result.isEmpty && character != " " { result.append(" ") }
                pendingSpace = false
            }
            if active.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if !escaping, character == "\\" {
                escaping = true
                continue
            }
            if escaping, !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) {
                result.append("\\")
            }
            escaping = false
            result.append(character)
        }
        if escaping { result.append("\\") }
        return result
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
