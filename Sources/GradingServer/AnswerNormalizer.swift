import SwiftParser
import SwiftSyntax

/// The key under which answers are grouped: two answers are the same when their swift-syntax tokens are the same,
/// whatever the spacing, line breaks and comments between them. An answer with no code at all (a written answer
/// in comments) is keyed by the words of its comments instead, so spacing and comment markers (`//`, `/* */`)
/// do not matter, but the words do.
enum AnswerNormalizer {
    static func key(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        var tokens: [String] = []
        var words: [Substring] = []
        func collect(_ trivia: Trivia) {
            for piece in trivia {
                switch piece {
                case .lineComment(let text), .blockComment(let text), .docLineComment(let text), .docBlockComment(let text):
                    words += text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                        .map { $0.trimmingPrefix(while: { "/*".contains($0) }) }
                        .map { $0.hasSuffix("*/") ? $0.dropLast(2) : $0 }
                        .filter { !$0.isEmpty }
                default:
                    break
                }
            }
        }
        var sawEnd = false
        for token in tree.tokens(viewMode: .sourceAccurate) {
            collect(token.leadingTrivia)
            collect(token.trailingTrivia)
            if token.tokenKind == .endOfFile { sawEnd = true } else { tokens.append(token.text) }
        }
        if !sawEnd { collect(tree.endOfFileToken.leadingTrivia) }
        return tokens.isEmpty ? "words: " + words.joined(separator: " ") : "code: " + tokens.joined(separator: " ")
    }
}
