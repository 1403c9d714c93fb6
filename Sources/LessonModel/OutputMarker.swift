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
    public var status: Status

    /// Creates marker fields.
    public init(id: String, hash: String, status: Status) {
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
        "\(Self.beginPrefix)id=\(id) hash=\(hash) status=\(status.rawValue) -->"
    }

    /// Parses a begin marker line (surrounding whitespace allowed); `nil` if it is not one.
    public init?(line: Substring) {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix(Self.beginPrefix), trimmed.hasSuffix("-->") else { return nil }
        let body = trimmed.dropFirst(Self.beginPrefix.count).dropLast(3)
        var fields: [Substring: Substring] = [:]
        for pair in body.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            fields[parts[0]] = parts[1]
        }
        guard let id = fields["id"], let hash = fields["hash"], let statusText = fields["status"],
            let status = Status(rawValue: String(statusText))
        else { return nil }
        self.init(id: String(id), hash: String(hash), status: status)
    }

    /// Whether `line` is an end marker line.
    public static func isEndLine(_ line: Substring) -> Bool {
        line.trimmingWhitespace() == endLine
    }
}
