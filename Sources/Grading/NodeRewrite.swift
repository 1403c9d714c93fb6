import SwiftSyntax

/// Rewrites of a source text by syntax node: replacements, and wrappers around nodes that may hold replacements.
/// Replacements must not overlap; a wrapper may enclose replacements (it is applied around their result).
struct NodeRewrite {
    private var replacements: [(range: Range<Int>, text: String)] = []
    private var wrappers: [(range: Range<Int>, prefix: String, suffix: String)] = []

    /// Replaces `node` (without its surrounding trivia) with `text`.
    mutating func replace(_ node: some SyntaxProtocol, with text: String) {
        replacements.append((Self.range(of: node), text))
    }

    /// Puts `prefix` before `node` and `suffix` after it.
    mutating func wrap(_ node: some SyntaxProtocol, prefix: String, suffix: String) {
        wrappers.append((Self.range(of: node), prefix, suffix))
    }

    /// `source` with every rewrite made.
    func applied(to source: [UInt8]) -> String {
        // Applied from the end of the text; at one position a replacement starting there goes first, then insertions.
        var result = source
        var operations: [(position: Int, order: Int, apply: (inout [UInt8]) -> Void)] = []
        for replacement in replacements {
            operations.append((replacement.range.lowerBound, 3, { bytes in
                bytes.replaceSubrange(replacement.range, with: Array(replacement.text.utf8))
            }))
        }
        for wrapper in wrappers {
            operations.append((wrapper.range.upperBound, 2, { bytes in
                bytes.insert(contentsOf: Array(wrapper.suffix.utf8), at: wrapper.range.upperBound)
            }))
            operations.append((wrapper.range.lowerBound, 0, { bytes in
                bytes.insert(contentsOf: Array(wrapper.prefix.utf8), at: wrapper.range.lowerBound)
            }))
        }
        for operation in operations.sorted(by: { ($0.position, $0.order) > ($1.position, $1.order) }) {
            operation.apply(&result)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func range(of node: some SyntaxProtocol) -> Range<Int> {
        node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset
    }
}
