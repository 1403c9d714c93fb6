/// The fields of an output block's begin marker:
/// `<!-- lessons:output id=fit hash=1a2b3c4d5e6f7a8b status=ok content=0123456789abcdef -->`.
///
/// `hash` fingerprints everything the output depends on (the toolchain, LessonKit, the seed, this cell and
/// every cell before it), so a lesson whose markers all match is up to date without running it. `content`
/// fingerprints the block's own lines (``contentHash(of:)``), so an output edited by hand or damaged is found.
public struct OutputMarker: Hashable, Sendable {
    /// Whether the cell ran as expected when the output was written.
    public enum Status: String, Hashable, Sendable {
        /// Ran to its end (or, for an `error: true` cell, failed as expected).
        case ok
        /// Failed: compile error, trap, signal, timeout, failed check or unexpected success.
        case failed
        /// Not run because an earlier cell failed fatally.
        case notRun = "not-run"
    }

    public var id: String
    public var hash: String
    /// Files the cell read (paths relative to the project root), recorded when it ran; part of its hash.
    public var inputs: [String] = []
    public var status: Status
    /// The hash of the block's lines between its markers, when the marker records one.
    public var content: String?

    /// Creates marker fields.
    public init(id: String, hash: String, status: Status, inputs: [String] = [], content: String? = nil) {
        self.inputs = inputs
        self.id = id
        self.hash = hash
        self.status = status
        self.content = content
    }

    /// The text that starts a begin marker line.
    public static let beginPrefix = "<!-- lessons:output "
    /// The whole end marker line.
    public static let endLine = "<!-- lessons:end -->"

    /// The begin marker line (without line terminator).
    public var beginLine: String {
        "\(Self.beginPrefix)id=\(id) hash=\(hash) status=\(status.rawValue)"
            + (inputs.isEmpty ? "" : " inputs=\(inputs.map(Self.encoded).joined(separator: ","))")
            + (content.map { " content=\($0)" } ?? "") + " -->"
    }

    /// The hash of a block's lines between its markers (each without its terminator): 64-bit FNV-1a over each
    /// line's UTF-8 bytes and a line feed, as 16 hexadecimal digits. Line endings do not change it.
    public static func contentHash<Lines: Sequence>(of lines: Lines) -> String
    where Lines.Element: Sequence<UInt8> {
        var hash = fnvOffsetBasis
        for line in lines {
            for byte in line { hash = (hash ^ UInt64(byte)) &* fnvPrime }
            hash = (hash ^ 0x0A) &* fnvPrime
        }
        return digits(of: hash)
    }

    /// ``contentHash(of:)`` of `source`'s `lines` (each clamped as ``SourceText/contentBytes(ofLine:)`` clamps it),
    /// read in place from the text's bytes: the generic version reads every byte through its collection's witness
    /// table, a twentieth of checking a long lesson.
    public static func contentHash(of source: SourceText, lines: Range<Int>) -> String {
        let hash = source.bytes.withUnsafeBufferPointer { bytes in
            var hash = fnvOffsetBasis
            for line in lines {
                for offset in source.startOffset(ofLine: line)..<source.contentEndOffset(ofLine: line) {
                    hash = (hash ^ UInt64(bytes[offset])) &* fnvPrime
                }
                hash = (hash ^ 0x0A) &* fnvPrime
            }
            return hash
        }
        return digits(of: hash)
    }

    private static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01B3

    /// `hash` as 16 hexadecimal digits.
    private static func digits(of hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether `line` (surrounding whitespace allowed) starts like a begin marker, parseable or not.
    public static func looksLikeBeginLine(_ line: Substring) -> Bool { looksLikeBeginLine(bytes: line.utf8) }

    /// ``looksLikeBeginLine(_:)`` of a line's UTF-8 bytes (the parser reads lines without making Strings of them).
    @inlinable public static func looksLikeBeginLine<Bytes: Collection<UInt8>>(bytes line: Bytes) -> Bool {
        line.drop { $0 == 0x20 || $0 == 0x09 }.starts(with: beginPrefix.utf8.dropLast())
    }

    /// Parses a begin marker line (surrounding whitespace allowed); `nil` if it is not one.
    public init?(line: Substring) {
        var bytes = line.utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        let prefix = Self.beginPrefix.utf8
        guard bytes.starts(with: prefix), bytes.count > prefix.count + 3, bytes.suffix(3).elementsEqual("-->".utf8)
        else { return nil }
        var id: String?
        var hash: String?
        var status: Status?
        var content: String?
        var inputs: [String] = []
        for field in bytes.dropFirst(prefix.count).dropLast(3).split(separator: 0x20) {
            guard let equals = field.firstIndex(of: 0x3D) else { return nil }
            let value = String(decoding: field[field.index(after: equals)...], as: UTF8.self)
            switch String(decoding: field[..<equals], as: UTF8.self) {
            case "id": id = value
            case "hash": hash = value
            case "status": status = Status(rawValue: value)
            case "inputs": inputs = value.split(separator: ",").map { Self.decoded($0) }
            case "content": content = value
            default: return nil
            }
        }
        guard let id, let hash, let status else { return nil }
        self.init(id: id, hash: hash, status: status, inputs: inputs, content: content)
    }

    /// Whether `line` is an end marker line.
    public static func isEndLine(_ line: Substring) -> Bool { isEndLine(bytes: line.utf8) }

    /// ``isEndLine(_:)`` of a line's UTF-8 bytes.
    @inlinable public static func isEndLine<Bytes: BidirectionalCollection<UInt8>>(bytes line: Bytes) -> Bool {
        var bytes = line[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        return bytes.elementsEqual(endLine.utf8)
    }

    /// A path with the bytes that would end a field, the list or the comment percent-encoded.
    static func encoded(_ path: String) -> String {
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            if byte <= 0x20 || byte == 0x25 || byte == 0x2C || byte == 0x3E || byte == 0x7F {
                bytes += Array("%".utf8) + Array((byte < 0x10 ? "0" : "").utf8) + Array(String(byte, radix: 16, uppercase: true).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The path a field holds (``encoded(_:)`` undone; a malformed escape is kept as written).
    static func decoded(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var index = field.utf8.startIndex
        let utf8 = field.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x25, let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
                let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
