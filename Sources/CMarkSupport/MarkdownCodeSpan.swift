/// An inline code span (`` `code` ``) of a Markdown document, with where it sits in the source.
public struct MarkdownCodeSpan: Hashable, Sendable {
    /// The span's content as CommonMark reads it (one space stripped from each end when both have one, line
    /// endings turned into spaces).
    public var literal: String
    /// The span's bytes in the source, backtick runs included.
    public var range: Range<Int>
    /// The 1-based line of the opening backticks.
    public var line: Int
    /// The 1-based byte column of the opening backticks.
    public var column: Int
    /// Whether the span continues on a later line.
    public var crossesLines: Bool

    /// Creates a code span description.
    public init(literal: String, range: Range<Int>, line: Int, column: Int, crossesLines: Bool) {
        self.literal = literal
        self.range = range
        self.line = line
        self.column = column
        self.crossesLines = crossesLines
    }
}
