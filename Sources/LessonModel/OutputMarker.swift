/// The fields of an output block's begin marker: `<!-- lessons:output id=fit hash=1a2b3c4d5e6f7a8b status=ok -->`.
///
/// `hash` fingerprints everything the output depends on (the toolchain, LessonKit, the seed, this cell and
/// every cell before it), so a lesson whose markers all match is up to date without running it.
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

    /// Creates marker fields.
    public init(id: String, hash: String, status: Status, inputs: [String] = []) {
        self.inputs = inputs
        self.id = id
        self.hash = hash
        self.status = status
    }

    /// The text that starts a begin marker line.
    public static let beginPrefix = "<!-- lessons:output "
    /// The whole end marker line.
    public static let endLine = "<!-- lessons:end -->"

    /// The begin marker line (without line terminator).
    public var beginLine: String {
        "\(Self.beginPrefix)id=\(id) hash=\(hash) status=\(status.rawValue)"
            + (inputs.isEmpty ? "" : " inputs=\(inputs.joined(separator: ","))") + " -->"
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
        var inputs: [String] = []
        for field in bytes.dropFirst(prefix.count).dropLast(3).split(separator: 0x20) {
            guard let equals = field.firstIndex(of: 0x3D) else { return nil }
            let value = String(decoding: field[field.index(after: equals)...], as: UTF8.self)
            switch String(decoding: field[..<equals], as: UTF8.self) {
            case "id": id = value
            case "hash": hash = value
            case "status": status = Status(rawValue: value)
            case "inputs": inputs = value.split(separator: ",").map(String.init)
            default: return nil
            }
        }
        guard let id, let hash, let status else { return nil }
        self.init(id: id, hash: hash, status: status, inputs: inputs)
    }

    /// Whether `line` is an end marker line.
    public static func isEndLine(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes = bytes.dropLast() }
        return bytes.elementsEqual(endLine.utf8)
    }
}
