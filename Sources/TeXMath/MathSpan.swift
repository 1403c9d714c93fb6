/// One formula found in Markdown source by `MathSpanScanner`.
public struct MathSpan: Hashable, Sendable {
    /// UTF-8 byte offsets of the whole span in the Markdown, delimiters (`$` or `$$`) included.
    public let range: Range<Int>
    /// The TeX between the delimiters, exactly as written.
    public let tex: String
    /// `true` for `$$...$$`, `false` for `$...$`.
    public let display: Bool
    /// 1-based line of the opening delimiter in the Markdown.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the opening delimiter.
    public let column: Int

    /// Creates a span.
    public init(range: Range<Int>, tex: String, display: Bool, line: Int, column: Int) {
        self.range = range
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
    }

    /// The line and column in the Markdown of a `TeXMathError` thrown while converting this span's `tex`.
    public func location(of error: TeXMathError) -> (line: Int, column: Int) {
        let delimiter = display ? 2 : 1
        if error.line == 1 { return (line, column + delimiter + error.column - 1) }
        return (line + error.line - 1, error.column)
    }
}
