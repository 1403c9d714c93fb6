import SwiftSyntax

extension SyntaxProtocol {
    /// The node's source text without surrounding trivia.
    var code: String { trimmedDescription }

    /// How many line breaks the node's text (without trivia) spans.
    var lineBreaks: Int { code.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}
