/// Writes a `MathNode` tree as compact MathML Core: no whitespace between elements, attributes in a fixed
/// (alphabetical) order, text escaped.
struct MathMLWriter {
    /// The MathML written so far.
    var output = ""
    /// How many scripts (sub-, superscripts, limits) the node being written is inside: there, as in TeX's script
    /// styles, relations and binary operators take no space around them (`x_{<i}`, `2^{i-1}`).
    var scriptDepth = 0

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
            writeOperator(text, spaced(text, attributes, after: nil, first: true))
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
            scriptDepth += 1
            if let sub { write(sub) }
            if let sup { write(sup) }
            scriptDepth -= 1
            output += "</\(element)>"
        case .underOver(let base, let under, let over, let accent):
            let element = over == nil ? "munder" : under == nil ? "mover" : "munderover"
            output += "<\(element)"
            if accent { output += over == nil ? " accentunder=\"true\"" : " accent=\"true\"" }
            output += ">"
            write(base)
            if !accent { scriptDepth += 1 }
            if let under { write(under) }
            if let over { write(over) }
            if !accent { scriptDepth -= 1 }
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
        for (position, node) in nodes.enumerated() {
            if case .operator(let text, let attributes) = node {
                writeOperator(text, spaced(text, attributes, after: position > 0 ? nodes[position - 1] : nil, first: position == 0))
            } else {
                write(node)
            }
        }
    }

    /// Operators that MathML already sets without space around them (or that TeX spaces in scripts too): left as
    /// they are inside scripts.
    static let unspacedInScripts: Set<String> = [
        "(", ")", "[", "]", "{", "}", ",", ";", ".", "!", "\u{2032}", "\u{2033}", "\u{2034}", "\u{2057}", "\u{27E8}", "\u{27E9}",
    ]

    /// The attributes an operator is written with, where TeX spaces it differently from MathML's dictionary:
    /// - a sign (`-`, `+`, `±` first in its row or after an operator or opening bracket: `[-1, 1]`) is a prefix
    ///   operator with no space after it;
    /// - `|` and `‖` typed as they are (not `\mid`, not `\left|`) are ordinary symbols (`|x|`), and so are dots
    ///   (`x_1, \ldots, x_n`), and so is `/` (`1/\sigma^2`); `\cdots` keeps a thin space each side;
    /// - inside scripts, relations and binary operators take no space (`x_{<i}`, `2^{i-1}`).
    func spaced(_ text: String, _ attributes: OperatorAttributes, after previous: MathNode?, first: Bool) -> OperatorAttributes {
        guard attributes.spacing == nil, attributes.form == nil, attributes.largeOperator == nil else { return attributes }
        var result = attributes
        if ["\u{2212}", "+", "\u{00B1}", "\u{2213}"].contains(text) {
            let sign: Bool
            switch previous {
            case nil: sign = first
            case .operator(let before, _)?: sign = !([")", "]", "}", "|", "\u{2016}", "!", "\u{2032}", "\u{27E9}", "\u{230B}", "\u{2309}"].contains(before))
            case .space?: sign = false
            default: sign = false
            }
            if sign {
                result.form = "prefix"
                result.spacing = "0em"
                return result
            }
        }
        if attributes.stretchy != true, ["|", "\u{2016}", "\u{2026}", "/"].contains(text) {
            result.spacing = "0em"
            return result
        }
        if text == "\u{22EF}" {
            result.spacing = "0.1667em"  // \cdots between factors: a thin space each side, as TeX sets an inner atom
            return result
        }
        if scriptDepth > 0, attributes.stretchy == nil, attributes.size == nil, !Self.unspacedInScripts.contains(text) {
            result.spacing = "0em"
        }
        return result
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
