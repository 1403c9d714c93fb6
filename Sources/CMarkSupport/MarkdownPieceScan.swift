/// What cmark found in one piece of a text (``MarkdownPieces``): lines and offsets first counted from the piece's
/// start, then moved to the whole text's with ``shifted(lines:bytes:)``.
struct MarkdownPieceScan: Sendable {
    var blocks: [MarkdownBlock] = []
    var codeSpans: [MarkdownCodeSpan] = []
    /// The piece's line breaks.
    var lineCount = 0
    /// Whether the piece's last top-level block was still open where the piece ends (a fence not closed yet, an
    /// HTML comment, a list that a later line may continue): the next piece then cannot be parsed on its own.
    var lastBlockReachesEnd = false

    /// The same scan with every line moved down by `lines` and every byte offset by `bytes`.
    func shifted(lines: Int, bytes: Int) -> MarkdownPieceScan {
        var moved = self
        for index in moved.blocks.indices {
            moved.blocks[index].startLine += lines
            moved.blocks[index].endLine += lines
        }
        for index in moved.codeSpans.indices {
            moved.codeSpans[index].line += lines
            let range = moved.codeSpans[index].range
            moved.codeSpans[index].range = (range.lowerBound + bytes)..<(range.upperBound + bytes)
        }
        return moved
    }
}
