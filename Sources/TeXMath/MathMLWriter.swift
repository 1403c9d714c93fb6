/// Writes a `MathNode` tree as compact MathML Core: no whitespace between elements, attributes in a fixed
/// (alphabetical) order, text escaped.
struct MathMLWriter {
    /// The MathML written so far.
    var output = ""

    /// Escapes `&`, `<`, `>` and `"` for element text and attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Characters that MathML Core sets in italic in a one-character `<mi>` (so upright needs `mathvariant`).
    static func isAutoItalic(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let value = scalars.first?.value else { return false }
        return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0x391...0x3A9).contains(value)
            || (0x3B1...0x3C9).contains(value) || [0x131, 0x237, 0x3D1, 0x3D5, 0x3D6, 0x3F0, 0x3F1, 0x3F5, 0x2202, 0x2207].contains(value)
    }

    /// Writes `node` as exactly one element (a row of several nodes becomes `<mrow>`).
    mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let text, let upright):
            output += upright && Self.isAutoItalic(text) ? "<mi mathvariant=\"normal\">" : "<mi>"
            output += Self.escape(text)
            output += "</mi>"
        case .function(let name):
            output += "<mi>" + Self.escape(name) + "</mi>"
        case .number(let text):
            output += "<mn>" + text + "</mn>"
        case .operator(let text, let attributes):
            writeOperator(text, attributes)
        case .text(let text, let style):
            output += style.map { "<mtext style=\"\($0)\">" } ?? "<mtext>"
            output += Self.escape(text) + "</mtext>"
        case .space(let width):
            output += "<mspace width=\"\(width)\"/>"
        case .row(let nodes):
            if nodes.count == 1 { write(nodes[0]); return }
            output += "<mrow>"
            writeChildren(nodes)
            output += "</mrow>"
        case .fraction(let numerator, let denominator, let displayStyle):
            output += displayStyle.map { "<mfrac displaystyle=\"\($0)\">" } ?? "<mfrac>"
            write(numerator)
            write(denominator)
            output += "</mfrac>"
        case .squareRoot(let radicand):
            output += "<msqrt>"
            writeChildren(radicand)
            output += "</msqrt>"
        case .root(let radicand, let degree):
            output += "<mroot>"
            write(radicand)
            write(degree)
            output += "</mroot>"
        case .scripts(let base, let sub, let sup):
            let element = sub == nil ? "msup" : sup == nil ? "msub" : "msubsup"
            output += "<\(element)>"
            write(base)
            if let sub { write(sub) }
            if let sup { write(sup) }
            output += "</\(element)>"
        case .underOver(let base, let under, let over, let accent):
            let element = over == nil ? "munder" : under == nil ? "mover" : "munderover"
            output += "<\(element)"
            if accent { output += over == nil ? " accentunder=\"true\"" : " accent=\"true\"" }
            output += ">"
            write(base)
            if let under { write(under) }
            if let over { write(over) }
            output += "</\(element)>"
        case .table(let rows, let alignments, let displayStyle, let alignedPairs):
            writeTable(rows, alignments, displayStyle: displayStyle, alignedPairs: alignedPairs)
        case .style(let displayStyle, let content):
            output += "<mstyle displaystyle=\"\(displayStyle)\">"
            writeChildren(content)
            output += "</mstyle>"
        }
    }

    /// Writes the children of an element that takes any number of them (`<msqrt>`, `<mtd>`, `<mstyle>`).
    mutating func writeChildren(_ node: MathNode) {
        if case .row(let nodes) = node { writeChildren(nodes) } else { write(node) }
    }

    mutating func writeChildren(_ nodes: [MathNode]) {
        for node in nodes { write(node) }
    }

    /// `<mo>` with attributes in alphabetical order: form, largeop, lspace, maxsize, minsize, movablelimits,
    /// rspace, stretchy.
    mutating func writeOperator(_ text: String, _ attributes: OperatorAttributes) {
        output += "<mo"
        if let form = attributes.form { output += " form=\"\(form)\"" }
        if let largeOperator = attributes.largeOperator { output += " largeop=\"\(largeOperator)\"" }
        if let spacing = attributes.spacing { output += " lspace=\"\(spacing)\"" }
        if let size = attributes.size { output += " maxsize=\"\(size)\" minsize=\"\(size)\"" }
        if let movable = attributes.movableLimits { output += " movablelimits=\"\(movable)\"" }
        if let spacing = attributes.spacing { output += " rspace=\"\(spacing)\"" }
        if let stretchy = attributes.stretchy { output += " stretchy=\"\(stretchy)\"" }
        output += ">" + Self.escape(text) + "</mo>"
    }

    /// `<mtable>` with one `<mtr>` per row; cells not centred carry `columnalign` and the CSS `text-align` that
    /// MathML Core browsers actually use. In aligned pairs the padding between the two cells of a pair is removed.
    mutating func writeTable(_ rows: [[MathNode]], _ alignments: [ColumnAlignment], displayStyle: Bool, alignedPairs: Bool) {
        output += displayStyle ? "<mtable displaystyle=\"true\">" : "<mtable>"
        for row in rows {
            output += "<mtr>"
            for (column, cell) in row.enumerated() {
                let alignment = column < alignments.count ? alignments[column] : .center
                // MathML Core has no columnalign (Chromium ignores it): CSS text-align does the aligning.
                var style: [String] = []
                if alignment != .center {
                    output += "<mtd columnalign=\"\(alignment.rawValue)\""
                    style.append("text-align:\(alignment.rawValue)")
                } else {
                    output += "<mtd"
                }
                if alignedPairs { style.append(column % 2 == 0 ? "padding-right:0" : "padding-left:0") }
                if !style.isEmpty { output += " style=\"\(style.joined(separator: ";"))\"" }
                output += ">"
                writeChildren(cell)
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
    }
}
