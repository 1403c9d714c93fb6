/// The readable text of a formula: what the `<math>` element's `alttext` says and what search indexes.
///
/// Letters, numbers and operators as they are shown (𝒩, μ, ≤), fractions as `a/b` (bracketed when longer than
/// one symbol), scripts as `x_i` and `x^2`, roots as `√(x)`, table rows separated by `;`. No TeX commands.
extension MathNode {
    var readableText: String {
        switch self {
        case .identifier(let text, _), .number(let text), .function(let text), .text(let text, _): text
        case .operator(let text, _):
            Self.spacedOperators.contains(text) ? " \(text) " : text == "," ? ", " : text
        case .space: " "
        case .row(let nodes):
            // A sign (first, or after an operator other than a closing bracket) reads without spaces: [-1, 1].
            nodes.enumerated().map { position, node in
                if case .operator(let text, _) = node, text == "\u{2212}" || text == "+",
                    position == 0 || nodes[position - 1].isOperatorButNotClosing
                {
                    return text
                }
                return node.readableText
            }.joined()
        case .fraction(let numerator, let denominator, _):
            "\(numerator.bracketedText)/\(denominator.bracketedText)"
        case .squareRoot(let radicand): "√\(radicand.bracketedText)"
        case .root(let radicand, let degree): "\(degree.readableText)√\(radicand.bracketedText)"
        case .scripts(let base, let sub, let sup):
            base.readableText + (sub.map { "_" + $0.bracketedText } ?? "") + (sup.map { "^" + $0.bracketedText } ?? "")
        case .underOver(let base, let under, let over, let accent):
            accent ? base.readableText
                : base.readableText + (under.map { "_" + $0.bracketedText } ?? "") + (over.map { "^" + $0.bracketedText } ?? "") + " "
        case .table(let rows, _, _, _):
            rows.map { $0.map(\.readableText).joined(separator: " ") }.joined(separator: "; ")
        case .style(_, let node): node.readableText
        }
    }

    /// Whether the node is an operator after which `-` is a sign (not `)`, `]`, `|`).
    var isOperatorButNotClosing: Bool {
        if case .operator(let text, _) = self { return ![")", "]", "}", "|", "\u{2016}", "!", "\u{2032}"].contains(text) }
        return false
    }

    /// The readable text, in parentheses when it is longer than one symbol.
    var bracketedText: String {
        let text = readableText.trimmingSpaces
        let bracketed = text.hasPrefix("(") && text.hasSuffix(")") && !text.dropFirst().contains("(")
        return text.unicodeScalars.count <= 1 || Self.isSingleAtom(self) || bracketed ? text : "(\(text))"
    }

    static func isSingleAtom(_ node: MathNode) -> Bool {
        switch node {
        case .identifier, .number, .function: true
        case .row(let nodes): nodes.count == 1 && isSingleAtom(nodes[0])
        default: false
        }
    }

    /// Relations and binary operators that read with a space on each side.
    static let spacedOperators: Set<String> = [
        "=", "<", ">", "\u{2264}", "\u{2265}", "\u{2260}", "\u{2248}", "\u{2261}", "\u{221D}", "\u{223C}", "\u{2192}",
        "\u{2190}", "\u{21D2}", "\u{21D4}", "\u{2208}", "+", "\u{2212}", "\u{00B1}", "\u{00D7}", "\u{22C5}", "\u{2223}",
        "\u{2243}", "\u{2254}", "\u{226A}", "\u{226B}", "\u{2282}", "\u{2286}",
    ]
}

extension String {
    /// The text with spaces at either end removed and runs of spaces made one.
    var trimmingSpaces: String {
        split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
