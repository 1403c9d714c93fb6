/// An inline expression in a lesson's prose, `` `{swift} nll` ``, whose value the run puts in the text (as
/// Quarto's `` `{python} x` `` and knitr's `` `r x` ``).
///
/// It is evaluated where it stands: after the cells above it and before the cells below it.
public struct InlineExpression: Hashable, Sendable {
    /// Position among the lesson's inline expressions, from 0.
    public var index: Int
    /// The Swift expression, without the `{swift}` prefix.
    public var code: String
    /// The 1-based line of the span.
    public var line: Int
    /// The 1-based column (in characters) of the opening backtick.
    public var column: Int
    /// The 1-based column (in characters) where the expression starts.
    public var codeColumn: Int
    /// The bytes of the span, backticks included.
    public var range: Range<Int>
    /// The value the last run stored right after the span, if any.
    public var stored: StoredInlineValue?

    /// Creates an inline expression.
    public init(
        index: Int, code: String, line: Int, column: Int, codeColumn: Int, range: Range<Int>,
        stored: StoredInlineValue? = nil
    ) {
        self.index = index
        self.code = code
        self.line = line
        self.column = column
        self.codeColumn = codeColumn
        self.range = range
        self.stored = stored
    }

    /// The info prefix that marks an inline expression's code span.
    public static let prefix = "{swift}"

    /// The bytes the span and its stored value occupy together.
    public var fullRange: Range<Int> { range.lowerBound..<(stored?.range.upperBound ?? range.upperBound) }
}
