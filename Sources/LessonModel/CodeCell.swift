/// An executable `{swift}` cell of a lesson.
public struct CodeCell: Hashable, Sendable {
    /// Position among the lesson's executable cells, from 0.
    public var index: Int
    /// The cell's id: its `id` option, or `cell-<n>` (1-based) when absent.
    public var id: String
    public var options: CellOptions
    /// The text between the fences, option lines included, exactly as written (lines end with "\n").
    public var source: String
    /// Line of the opening fence.
    public var openingFenceLine: Int
    /// Line of the closing fence.
    public var closingFenceLine: Int
    /// The existing generated output block right after the cell, if any.
    public var output: OutputBlock?

    /// Creates a cell.
    public init(
        index: Int, id: String, options: CellOptions, source: String, openingFenceLine: Int,
        closingFenceLine: Int, output: OutputBlock? = nil
    ) {
        self.index = index
        self.id = id
        self.options = options
        self.source = source
        self.openingFenceLine = openingFenceLine
        self.closingFenceLine = closingFenceLine
        self.output = output
    }

    /// The first line of the cell's body (the line after the opening fence).
    public var firstSourceLine: Int { openingFenceLine + 1 }
}
