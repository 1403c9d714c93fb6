/// An atom of a row while it is being parsed: its node, how scripts attach to it, and the scripts so far.
struct Atom {
    /// How subscripts and superscripts attach.
    enum Limits { case scripts, underOver }

    var node: MathNode
    var limits: Limits = .scripts
    var sub: MathNode? = nil
    var sup: MathNode? = nil
    var primes = 0

    /// The finished node: the base with its scripts, primes first in the superscript.
    var finished: MathNode {
        var superscript = sup
        if primes > 0 {
            let prime: MathNode = .operator(["\u{2032}", "\u{2033}", "\u{2034}", "\u{2057}"][min(primes, 4) - 1], .plain)
            superscript = sup.map { .row([prime, $0]) } ?? prime
        }
        if sub == nil && superscript == nil {
            // Without limits, `\max` or `\det` is set like a function name: `\det A`, `\Pr(A)`.
            if case .operator(let text, let attributes) = node, attributes.movableLimits != nil {
                return .function(text)
            }
            return node
        }
        switch limits {
        case .scripts: return .scripts(base: node, sub: sub, sup: superscript)
        case .underOver: return .underOver(base: node, under: sub, over: superscript, accent: false)
        }
    }
}

extension TeXParser {
    /// Parses atoms up to the end of input or a row end (`}`, `&`, `\\`, `\right`, `\middle`, `\end`).
    mutating func parseRow() throws(TeXMathError) -> [MathNode] {
        var atoms: [Atom] = []
        while let token = try peek(), !isRowEnd(token) {
            switch token.kind {
            case .superscript, .subscriptMark:
                index += 1
                if atoms.isEmpty { atoms.append(Atom(node: .row([]))) }
                let script = try scriptArgument(after: token)
                let isSuper = token.kind == .superscript
                if isSuper ? atoms[atoms.count - 1].sup != nil : atoms[atoms.count - 1].sub != nil {
                    throw error(isSuper ? "double superscript" : "double subscript", at: token)
                }
                if isSuper { atoms[atoms.count - 1].sup = script } else { atoms[atoms.count - 1].sub = script }
            case .character("'"):
                index += 1
                if atoms.isEmpty { atoms.append(Atom(node: .row([]))) }
                if atoms[atoms.count - 1].sup != nil { throw error("double superscript", at: token) }
                atoms[atoms.count - 1].primes += 1
            case .command("limits"), .command("nolimits"):
                index += 1
                guard !atoms.isEmpty else { throw error("\(describe(token)) must follow an operator", at: token) }
                let limits = token.kind == .command("limits")
                atoms[atoms.count - 1].limits = limits ? .underOver : .scripts
                if limits, case .operator(let text, var attributes) = atoms[atoms.count - 1].node {
                    attributes.movableLimits = false
                    atoms[atoms.count - 1].node = .operator(text, attributes)
                }
            case .command("displaystyle"), .command("textstyle"), .command("scriptstyle"):
                index += 1
                let rest = try parseRow()
                atoms.append(Atom(node: .style(displayStyle: token.kind == .command("displaystyle"), .group(rest))))
            default:
                if let atom = try parseAtom() { atoms.append(atom) }
            }
        }
        return Self.spaceFunctions(atoms.map(\.finished))
    }

    /// Inserts a thin space after a function name (`\log`, `\operatorname{...}`) followed by an ordinary atom,
    /// as TeX does between an operator and an ordinary symbol (`\log p` but `\log(x)`), and before one that
    /// follows an ordinary atom (`\frac12 \log`, `2\sin x`).
    static func spaceFunctions(_ nodes: [MathNode]) -> [MathNode] {
        guard nodes.count > 1, nodes.contains(where: \.isFunction) else { return nodes }
        var result: [MathNode] = []
        for (position, node) in nodes.enumerated() {
            if node.isFunction, position > 0, nodes[position - 1].endsOrdinary { result.append(.space("0.1667em")) }
            result.append(node)
            if node.isFunction, position + 1 < nodes.count, nodes[position + 1].startsOrdinary {
                result.append(.space("0.1667em"))
            }
        }
        return result
    }

    /// The argument of `^` or `_`: a group, or a single atom (one character or one command with its arguments).
    mutating func scriptArgument(after token: TeXToken) throws(TeXMathError) -> MathNode {
        guard let next = try peek(), !isRowEnd(next), next.kind != .superscript, next.kind != .subscriptMark else {
            throw error("missing argument for \(describe(token))", at: token)
        }
        guard let atom = try parseAtom(single: true) else {
            throw error("missing argument for \(describe(token))", at: token)
        }
        return atom.finished
    }

    /// A required argument: a `{group}` (its contents) or a single atom; `command` names the command for errors.
    mutating func argument(of command: TeXToken) throws(TeXMathError) -> MathNode {
        guard let next = try peek(), !isRowEnd(next), next.kind != .superscript, next.kind != .subscriptMark else {
            throw error("missing argument for \(describe(command))", at: command)
        }
        if next.kind == .beginGroup {
            index += 1
            return .group(try groupContents(opener: next))
        }
        guard let atom = try parseAtom(single: true) else {
            throw error("missing argument for \(describe(command))", at: command)
        }
        return atom.finished
    }

    /// The row inside a group whose `{` was just consumed, through its `}`.
    mutating func groupContents(opener: TeXToken) throws(TeXMathError) -> [MathNode] {
        groupDepth += 1
        let nodes = try parseRow()
        groupDepth -= 1
        guard let stop = try peek() else { throw error("unmatched {", at: opener) }
        guard stop.kind == .endGroup else { throw strayCloser(stop) }
        index += 1
        return nodes
    }

    /// One atom at the current token; `nil` for tokens that produce nothing (`\label`, `\hline`).
    /// With `single`, a number is one digit (as in `x^23`, whose superscript is 2).
    mutating func parseAtom(single: Bool = false) throws(TeXMathError) -> Atom? {
        guard let token = try next() else { return nil }
        switch token.kind {
        case .beginGroup:
            return Atom(node: .group(try groupContents(opener: token)))
        case .tie:
            return Atom(node: .space("0.3333em"))
        case .character(let scalar):
            return parseCharacter(scalar, single: single)
        case .command(let name):
            return try parseCommand(name, token: token)
        case .parameter:
            throw error("# is only allowed in macro bodies", at: token)
        case .superscript, .subscriptMark:
            throw error("missing argument for \(describe(token))", at: token)
        default:
            throw strayCloser(token)
        }
    }

    /// A letter, digit or symbol typed directly.
    mutating func parseCharacter(_ scalar: Unicode.Scalar, single: Bool) -> Atom {
        if scalar.properties.numericType != nil, scalar.isASCII {
            var text = String(Character(font?.map(scalar) ?? scalar))
            while !single, let next = characterAt(index), next.isASCII {
                if next.properties.numericType != nil {
                    text.unicodeScalars.append(font?.map(next) ?? next)
                    index += 1
                } else if next == ".", let after = characterAt(index + 1), after.isASCII, after.properties.numericType != nil {
                    text.unicodeScalars.append(".")
                    index += 1
                } else {
                    break
                }
            }
            return Atom(node: .number(text))
        }
        if TeXSymbols.delimiterCharacters.contains(scalar) {
            return Atom(node: .operator(String(Character(scalar)), .fixed))
        }
        if let text = TeXSymbols.operatorCharacters[scalar] {
            return Atom(node: .operator(text, .plain))
        }
        guard scalar.properties.isAlphabetic else { return Atom(node: .operator(String(Character(scalar)), .plain)) }
        guard let font else { return Atom(node: .identifier(String(Character(scalar)), upright: false)) }
        // In an explicit alphabet, consecutive letters form one identifier (`\mathrm{KL}`, `\mathbf{xy}`).
        var text = String(Character(font.map(scalar)))
        var length = 1
        while !single, let next = characterAt(index), next.isASCII, next.properties.isAlphabetic {
            text.unicodeScalars.append(font.map(next))
            index += 1
            length += 1
        }
        return Atom(node: .identifier(text, upright: font.isUpright && length == 1))
    }

    /// The character token at `position`, if that token is a character.
    func characterAt(_ position: Int) -> Unicode.Scalar? {
        guard position < tokens.count, case .character(let scalar) = tokens[position].kind else { return nil }
        return scalar
    }
}

extension MathNode {
    /// Whether the node begins with an ordinary atom (a letter, number, fraction…), not an operator or fence.
    var startsOrdinary: Bool {
        switch self {
        case .identifier, .number, .function, .fraction, .squareRoot, .root, .table, .text: true
        case .scripts(let base, _, _), .underOver(let base, _, _, _): base.startsOrdinary
        case .row(let nodes): nodes.first?.startsOrdinary ?? false
        case .style(_, let node): node.startsOrdinary
        case .operator, .space: false
        }
    }

    /// Whether the node ends with an ordinary atom (a letter, number, fraction, closing bracket…).
    var endsOrdinary: Bool {
        switch self {
        case .identifier, .number, .fraction, .squareRoot, .root, .table, .text: true
        case .scripts(let base, _, _), .underOver(let base, _, _, _): base.endsOrdinary || base.isClosing
        case .row(let nodes): nodes.last.map { $0.endsOrdinary || $0.isClosing } ?? false
        case .style(_, let node): node.endsOrdinary
        case .operator, .space, .function: false
        }
    }

    /// Whether the node is a closing bracket (after which `-` is binary, not a sign).
    var isClosing: Bool {
        if case .operator(let text, _) = self { return [")", "]", "}", "\u{27E9}", "\u{230B}", "\u{2309}"].contains(text) }
        return false
    }
}
