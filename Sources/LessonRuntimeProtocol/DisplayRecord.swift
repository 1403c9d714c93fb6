/// One displayed value (a figure, a table or a value's text), written by `LessonKit` as a JSON line.
///
/// `standardOutputOffset` and `standardErrorOffset` are the byte lengths of the cell's two streams at the
/// moment of display, so that the runner can interleave displays with printed text in the order they happened.
public struct DisplayRecord: Codable, Equatable, Sendable {
    /// What kind of value was displayed.
    public enum Kind: String, Codable, Sendable {
        /// `text` holds a value's description.
        case text
        /// `text` holds a complete SVG document.
        case svg
        /// `columns` and `rows` hold a table of already formatted cells.
        case table
        /// The outcome of a check (`passed`), with `text` its message and `file`/`line` where it was made.
        /// A failed check fails its cell; the lesson goes on with the next cell.
        case check
        /// `text` is the path of a file the cell read (for the cache key of its outputs).
        case input
    }

    public var kind: Kind
    public var standardOutputOffset: Int
    public var standardErrorOffset: Int
    public var text: String?
    public var caption: String?
    public var columns: [String]?
    public var rows: [[String]]?
    public var passed: Bool?
    public var file: String?
    public var line: Int?

    /// Creates a record; see the type's documentation for the meaning of each field.
    public init(
        kind: Kind, standardOutputOffset: Int = 0, standardErrorOffset: Int = 0, text: String? = nil,
        caption: String? = nil, columns: [String]? = nil, rows: [[String]]? = nil, passed: Bool? = nil,
        file: String? = nil, line: Int? = nil
    ) {
        self.kind = kind
        self.standardOutputOffset = standardOutputOffset
        self.standardErrorOffset = standardErrorOffset
        self.text = text
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.passed = passed
        self.file = file
        self.line = line
    }
}
