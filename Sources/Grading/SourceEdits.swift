import SwiftSyntax

/// Replacements of byte ranges of a source text, applied together (ranges must not overlap).
struct SourceEdits {
    private var edits: [(range: Range<Int>, text: String)] = []

    /// Replaces `node` (without its surrounding trivia) with `text`.
    mutating func replace(_ node: some SyntaxProtocol, with text: String) {
        let range = node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset
        edits.append((range, text))
    }

    /// `source` with every replacement made.
    func applied(to source: [UInt8]) -> String {
        var result = source
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: Array(edit.text.utf8))
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension SyntaxProtocol {
    /// The node's source text without surrounding trivia.
    var code: String { trimmedDescription }

    /// How many line breaks the node's text (without trivia) spans.
    var lineBreaks: Int { code.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}
