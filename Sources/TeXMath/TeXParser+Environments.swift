extension TeXParser {
    /// What an environment looks like: column alignments, display style, and the fences around it.
    struct EnvironmentShape {
        /// Alignment of column `i` (cycled for environments like `aligned`).
        var alignments: [ColumnAlignment]
        var displayStyle: Bool
        var open = "", close = ""
    }

    /// The environments this converter knows.
    static func shape(of name: String) -> EnvironmentShape? {
        switch name {
        case "aligned", "align", "align*", "alignat", "alignat*", "alignedat", "split", "eqnarray", "eqnarray*":
            EnvironmentShape(alignments: [.right, .left], displayStyle: true)
        case "gathered", "gather", "gather*": EnvironmentShape(alignments: [.center], displayStyle: true)
        case "cases": EnvironmentShape(alignments: [.left, .left], displayStyle: false, open: "{")
        case "dcases": EnvironmentShape(alignments: [.left, .left], displayStyle: true, open: "{")
        case "rcases": EnvironmentShape(alignments: [.left, .left], displayStyle: false, close: "}")
        case "matrix", "smallmatrix": EnvironmentShape(alignments: [.center], displayStyle: false)
        case "pmatrix": EnvironmentShape(alignments: [.center], displayStyle: false, open: "(", close: ")")
        case "bmatrix": EnvironmentShape(alignments: [.center], displayStyle: false, open: "[", close: "]")
        case "Bmatrix": EnvironmentShape(alignments: [.center], displayStyle: false, open: "{", close: "}")
        case "vmatrix": EnvironmentShape(alignments: [.center], displayStyle: false, open: "|", close: "|")
        case "Vmatrix": EnvironmentShape(alignments: [.center], displayStyle: false, open: "\u{2016}", close: "\u{2016}")
        case "array": EnvironmentShape(alignments: [], displayStyle: false)
        default: nil
        }
    }

    /// `\begin{name} ... \end{name}`, the `\begin` just consumed.
    mutating func parseEnvironment(_ begin: TeXToken) throws(TeXMathError) -> MathNode {
        let name = try rawText(of: begin)
        if name == "equation" || name == "equation*" {
            environmentDepth += 1
            let nodes = try parseRow()
            try finishEnvironment(name, begin: begin)
            return .group(nodes)
        }
        guard var shape = Self.shape(of: name) else { throw error("unknown environment \(name)", at: begin) }
        if name == "alignat" || name == "alignat*" || name == "alignedat" { _ = try rawText(of: begin) }
        if name == "array" { shape.alignments = try columnSpecification(after: begin) }
        environmentDepth += 1
        var rows: [[MathNode]] = []
        var row: [MathNode] = []
        while true {
            row.append(.group(try parseRow()))
            guard let stop = try peek() else { throw error("\\begin{\(name)} without \\end{\(name)}", at: begin) }
            switch stop.kind {
            case .alignment:
                index += 1
            case .command("\\"), .command("cr"):
                index += 1
                try skipOptionalLength()
                rows.append(row)
                row = []
            case .command("end"):
                try finishEnvironment(name, begin: begin)
                if row != [.row([])] || rows.isEmpty { rows.append(row) }
                let columns = rows.map(\.count).max() ?? 0
                let pattern = shape.alignments.isEmpty ? [ColumnAlignment.center] : shape.alignments
                let alignments = (0..<columns).map { pattern[$0 % pattern.count] }
                let table: MathNode = .table(rows: rows, columnAlignments: alignments, displayStyle: shape.displayStyle,
                                             alignedPairs: shape.alignments == [.right, .left])
                if shape.open.isEmpty && shape.close.isEmpty { return table }
                var nodes: [MathNode] = []
                if !shape.open.isEmpty { nodes.append(.operator(shape.open, .stretched)) }
                nodes.append(table)
                if !shape.close.isEmpty { nodes.append(.operator(shape.close, .stretched)) }
                return .row(nodes)
            case .endGroup where groupDepth == 0:
                throw strayCloser(stop)
            case .command("right") where leftDepth == 0:
                throw strayCloser(stop)
            default:
                throw error("\\begin{\(name)} without \\end{\(name)}", at: begin)
            }
        }
    }

    /// Consumes `\end{name}` (the `\end` is next) and checks that it closes `\begin{name}`.
    mutating func finishEnvironment(_ name: String, begin: TeXToken) throws(TeXMathError) {
        guard let end = try next(), end.kind == .command("end") else {
            throw error("\\begin{\(name)} without \\end{\(name)}", at: begin)
        }
        let closing = try rawText(of: end)
        guard closing == name else { throw error("\\end{\(closing)} does not match \\begin{\(name)}", at: end) }
        environmentDepth -= 1
    }

    /// Skips the `[2pt]` that may follow `\\`.
    mutating func skipOptionalLength() throws(TeXMathError) {
        guard try peek()?.kind == .character("[") else { return }
        while let token = try next(), token.kind != .character("]") {}
    }

    /// The `{lcr}` column specification of `array` (vertical rules `|` are ignored).
    mutating func columnSpecification(after begin: TeXToken) throws(TeXMathError) -> [ColumnAlignment] {
        let specification = try rawText(of: begin)
        var alignments: [ColumnAlignment] = []
        for character in specification {
            switch character {
            case "l": alignments.append(.left)
            case "c": alignments.append(.center)
            case "r": alignments.append(.right)
            case "|", " ": continue
            default: throw error("unsupported column type \(character) in array", at: begin)
            }
        }
        return alignments
    }
}
