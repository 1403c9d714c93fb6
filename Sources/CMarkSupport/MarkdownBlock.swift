/// A block of a Markdown document that the lesson runner cares about, copied out of cmark's tree.
public struct MarkdownBlock: Hashable, Sendable {
    /// What kind of block it is.
    public enum Kind: Hashable, Sendable {
        /// A fenced code block: its info string, fence character (`` ` `` or `~`) and fence length.
        case fencedCode(info: String, fenceCharacter: Character, fenceLength: Int)
        /// An indented code block.
        case indentedCode
        /// An HTML block.
        case html
        /// A heading of `level` 1...6.
        case heading(level: Int)
    }

    public var kind: Kind
    /// First line (1-based) of the block in the source.
    public var startLine: Int
    /// Last line (1-based) of the block in the source.
    public var endLine: Int
    /// Whether the block sits directly in the document (not inside a list item or block quote).
    public var isTopLevel: Bool

    /// Creates a block description.
    public init(kind: Kind, startLine: Int, endLine: Int, isTopLevel: Bool) {
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
        self.isTopLevel = isTopLevel
    }
}
