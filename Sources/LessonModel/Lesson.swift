/// A parsed lesson: its text, front matter, executable cells and the generated output already in it.
public struct Lesson: Sendable {
    /// The path shown in diagnostics, e.g. `Lessons/04-elbo.md`.
    public var displayPath: String
    /// The file's text, byte for byte.
    public var source: SourceText
    public var frontMatter: FrontMatter
    /// The `{swift}` cells, in order.
    public var cells: [CodeCell]
    /// Output blocks that follow no cell (left behind when a cell was deleted); removed on the next run.
    public var orphanOutputs: [OutputBlock]
    /// The `` `{swift} expr` `` expressions of the prose, in order.
    public var inlineExpressions: [InlineExpression]

    /// Creates a lesson.
    public init(
        displayPath: String, source: SourceText, frontMatter: FrontMatter, cells: [CodeCell],
        orphanOutputs: [OutputBlock] = [], inlineExpressions: [InlineExpression] = []
    ) {
        self.inlineExpressions = inlineExpressions
        self.displayPath = displayPath
        self.source = source
        self.frontMatter = frontMatter
        self.cells = cells
        self.orphanOutputs = orphanOutputs
    }

    /// The file name without directory and extension, e.g. `04-elbo`.
    public var name: String { Self.name(of: displayPath) }

    /// The file name of `path` without directory and `.md`.
    public static func name(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    /// A location in this lesson.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: displayPath, line: line, column: column)
    }
}
