/// A problem in a TeX formula or in the math of a Markdown file, with the position of the offending token.
///
/// `line` and `column` are 1-based and relative to the string that was converted or scanned (for
/// `MathMLConverter.convert`, the TeX string; for `MathSpanScanner.spans`, the Markdown). Columns count
/// Unicode scalars, as `LessonModel.SourceLocation` does; `offset` is the UTF-8 byte offset of the token.
/// `MathSpan.location(of:)` maps an error inside a span's TeX to the line and column in the Markdown file.
public struct TeXMathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `unknown command \foo`.
    public let message: String
    /// 1-based line of the offending token.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the offending token.
    public let column: Int
    /// UTF-8 byte offset of the offending token.
    public let offset: Int

    /// Creates an error at an explicit position.
    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Creates an error at a UTF-8 byte offset of `source`, computing its line and column.
    init(_ message: String, at offset: Int, in source: [UInt8]) {
        let position = TextPosition.of(offset: offset, in: source)
        self.init(message: message, line: position.line, column: position.column, offset: offset)
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
