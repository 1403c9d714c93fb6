/// The syntax tree between the TeX parser and the MathML writer: one case per MathML Core construct used.
indirect enum MathNode: Hashable, Sendable {
    /// `<mi>`; `upright` adds `mathvariant="normal"` (only needed for a single character).
    case identifier(String, upright: Bool)
    /// A function name such as `log` or `softmax` (`<mi>`), followed by a thin space before an ordinary atom.
    case function(String)
    /// `<mn>`.
    case number(String)
    /// `<mo>` with its attributes.
    case `operator`(String, OperatorAttributes)
    /// `<mtext>` with an optional CSS style (bold or italic text).
    case text(String, style: String?)
    /// `<mspace width="...">`, width in em.
    case space(String)
    /// `<mrow>` (a group; the writer drops the wrapper where a single child suffices).
    case row([MathNode])
    /// `<mfrac>`; `displayStyle` is `true` for `\dfrac`, `false` for `\tfrac`, `nil` for `\frac`.
    case fraction(MathNode, MathNode, displayStyle: Bool?)
    /// `<msqrt>`.
    case squareRoot(MathNode)
    /// `<mroot>`: radicand, index.
    case root(MathNode, MathNode)
    /// `<msub>`, `<msup>` or `<msubsup>`.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// `<munder>`, `<mover>` or `<munderover>`; `accent` marks accents (`accent="true"` / `accentunder="true"`).
    case underOver(base: MathNode, under: MathNode?, over: MathNode?, accent: Bool)
    /// `<mtable>`: rows of cells, the alignment of each column, whether cells are in display style, and whether
    /// columns come in right/left pairs with no gap inside a pair (`aligned`: `a &= b` reads `a = b`).
    case table(rows: [[MathNode]], columnAlignments: [ColumnAlignment], displayStyle: Bool, alignedPairs: Bool)
    /// `<mstyle displaystyle="...">`.
    case style(displayStyle: Bool, MathNode)
}

/// How the cells of one table column are aligned.
enum ColumnAlignment: String, Hashable, Sendable {
    case left, center, right
}

/// The attributes of an `<mo>` that the operator dictionary does not already give.
struct OperatorAttributes: Hashable, Sendable {
    /// `stretchy="true|false"`.
    var stretchy: Bool? = nil
    /// `form="prefix|infix|postfix"`.
    var form: String? = nil
    /// `largeop="true"`.
    var largeOperator: Bool? = nil
    /// `movablelimits="true|false"`.
    var movableLimits: Bool? = nil
    /// `minsize` and `maxsize` (the `\big` family), in em.
    var size: String? = nil
    /// `lspace` and `rspace` both, in em.
    var spacing: String? = nil

    /// No attributes.
    static let plain = OperatorAttributes()
    /// A delimiter that keeps its natural size: `stretchy="false"`.
    static let fixed = OperatorAttributes(stretchy: false)
    /// A delimiter that stretches to its row: `stretchy="true"`.
    static let stretched = OperatorAttributes(stretchy: true)
}

extension MathNode {
    /// The node with a single-child row unwrapped.
    static func group(_ nodes: [MathNode]) -> MathNode {
        nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    /// Whether TeX would treat this node as an operator with limits placed under and over it.
    var isFunction: Bool {
        switch self {
        case .function: true
        case .scripts(let base, _, _): base.isFunction
        case .underOver(let base, _, _, let accent): !accent && base.isFunction
        default: false
        }
    }
}
