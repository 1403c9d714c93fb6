extension TeXParser {
    /// Parses the command `\name` whose token was just consumed, with its arguments.
    mutating func parseCommand(_ name: String, token: TeXToken) throws(TeXMathError) -> Atom? {
        if let (text, upright) = TeXSymbols.identifiers[name] {
            if let font, text.unicodeScalars.count == 1, font != .roman {
                return Atom(node: .identifier(String(Character(font.map(text.unicodeScalars.first!))), upright: false))
            }
            return Atom(node: .identifier(text, upright: upright))
        }
        if let text = TeXSymbols.operators[name] { return Atom(node: .operator(text, .plain)) }
        if let text = TeXSymbols.delimiters[name] { return Atom(node: .operator(text, .fixed)) }
        if let text = TeXSymbols.largeOperators[name] { return Atom(node: .operator(text, .plain), limits: .underOver) }
        if let text = TeXSymbols.integrals[name] { return Atom(node: .operator(text, .plain)) }
        if let text = TeXSymbols.limitOperators[name] {
            return Atom(node: .operator(text, OperatorAttributes(movableLimits: true)), limits: .underOver)
        }
        if TeXSymbols.functions.contains(name) { return Atom(node: .function(name)) }
        if let width = TeXSymbols.spaces[name] { return Atom(node: .space(width)) }
        if let size = TeXSymbols.bigSizes[name] {
            let delimiter = try parseDelimiter(after: token)
            return Atom(node: .operator(delimiter, OperatorAttributes(stretchy: true, size: size)))
        }
        if let (accent, stretchy) = TeXSymbols.accents[name] {
            let base = try argument(of: token)
            let mark: MathNode = .operator(accent, OperatorAttributes(stretchy: stretchy))
            return Atom(node: .underOver(base: base, under: nil, over: mark, accent: true))
        }
        if let font = Self.fonts[name] { return Atom(node: try argument(of: token, in: font)) }
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = try argument(of: token), denominator = try argument(of: token)
            let style: Bool? = name == "dfrac" || name == "cfrac" ? true : name == "tfrac" ? false : nil
            return Atom(node: .fraction(numerator, denominator, displayStyle: style))
        case "sqrt":
            if try peek()?.kind == .character("[") {
                index += 1
                let degree = try bracketedRow(after: token)
                return Atom(node: .root(try argument(of: token), .group(degree)))
            }
            return Atom(node: .squareRoot(try argument(of: token)))
        case "underbrace", "overbrace":
            let base = try argument(of: token)
            let brace: MathNode = .operator(name == "underbrace" ? "\u{23DF}" : "\u{23DE}", .stretched)
            let node: MathNode = name == "underbrace"
                ? .underOver(base: base, under: brace, over: nil, accent: false)
                : .underOver(base: base, under: nil, over: brace, accent: false)
            return Atom(node: node, limits: .underOver)
        case "underline":
            let base = try argument(of: token)
            return Atom(node: .underOver(base: base, under: .operator("_", .stretched), over: nil, accent: true))
        case "underset", "overset", "stackrel":
            let script = try argument(of: token), base = try argument(of: token)
            return Atom(node: name == "underset"
                ? .underOver(base: base, under: script, over: nil, accent: false)
                : .underOver(base: base, under: nil, over: script, accent: false))
        case "operatorname", "operatorname*":
            var limits = false
            if try peek()?.kind == .character("*") { index += 1; limits = true }
            let text = Self.flatText(try argument(of: token, in: .roman))
            if limits {
                return Atom(node: .operator(text, OperatorAttributes(movableLimits: true)), limits: .underOver)
            }
            return Atom(node: .function(text))
        case "text", "textrm", "textnormal", "mbox", "textup", "textbf", "textit", "textsf", "texttt", "hbox":
            let style = name == "textbf" ? "font-weight:bold" : name == "textit" ? "font-style:italic" : nil
            return Atom(node: try textArgument(of: token, style: style))
        case "left":
            return Atom(node: try parseLeftRight(token))
        case "begin":
            return Atom(node: try parseEnvironment(token))
        case "not":
            guard let next = try next() else { throw error("missing argument for \\not", at: token) }
            switch next.kind {
            case .character("="): return Atom(node: .operator("\u{2260}", .plain))
            case .command("in"): return Atom(node: .operator("\u{2209}", .plain))
            case .command(let other) where TeXSymbols.operators[other] != nil:
                return Atom(node: .operator(TeXSymbols.operators[other]! + "\u{0338}", .plain))
            case .character(let scalar): return Atom(node: .operator(String(Character(scalar)) + "\u{0338}", .plain))
            default: throw error("\\not must be followed by a relation", at: token)
            }
        case "bmod", "mod":
            return Atom(node: .operator("mod", .plain))
        case "label":
            label = try rawText(of: token)
            return nil
        case "tag", "tag*":
            var starred = name == "tag*"
            if try peek()?.kind == .character("*") { index += 1; starred = true }
            guard display else { throw error("\\tag is only allowed in display math", at: token) }
            if tag != nil { throw error("only one \\tag is allowed per equation", at: token) }
            tag = try rawText(of: token)
            tagIsStarred = starred
            return nil
        case "ref", "eqref":
            let key = try rawText(of: token)
            guard let number = labels[key] else { throw error("undefined label \(key)", at: token) }
            return Atom(node: .text(name == "eqref" ? "(\(number))" : number, style: nil))
        case "hline", "nonumber", "notag", "relax", "strut":
            return nil
        case "right", "middle", "end":
            throw strayCloser(token)
        default:
            throw error("unknown command \(describe(token))", at: token)
        }
    }

    /// The commands that select a math alphabet for their argument.
    static let fonts: [String: MathFont] = [
        "mathbb": .blackboard, "mathcal": .calligraphic, "mathscr": .calligraphic, "mathbf": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathrm": .roman, "mathit": .italic,
        "mathsf": .sansSerif, "mathtt": .monospace, "mathfrak": .fraktur,
    ]

    /// An argument parsed with letters in `alphabet`.
    mutating func argument(of command: TeXToken, in alphabet: MathFont) throws(TeXMathError) -> MathNode {
        let saved = font
        font = alphabet
        defer { font = saved }
        return try argument(of: command)
    }

    /// The contents of `[...]` whose `[` was just consumed, through the `]`.
    mutating func bracketedRow(after command: TeXToken) throws(TeXMathError) -> [MathNode] {
        var nodes: [MathNode] = []
        while let token = try peek(), token.kind != .character("]") {
            if isRowEnd(token) { throw error("missing ] for \(describe(command))", at: command) }
            if let atom = try parseAtom() { nodes.append(atom.finished) }
        }
        guard try next() != nil else { throw error("missing ] for \(describe(command))", at: command) }
        return nodes
    }

    /// The raw text of a `{...}` argument (for `\label`, `\tag`, environment names), unparsed.
    mutating func rawText(of command: TeXToken) throws(TeXMathError) -> String {
        guard let open = try next(), open.kind == .beginGroup else {
            throw error("missing argument for \(describe(command))", at: command)
        }
        var text = ""
        var depth = 1
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .beginGroup: depth += 1; text += "{"
            case .endGroup:
                depth -= 1
                if depth == 0 { return text }
                text += "}"
            case .space: text += " "
            default: text += describe(token)
            }
        }
        throw error("unmatched {", at: open)
    }

    /// The text of an identifier-like node, for `\operatorname`: letters, digits and symbols joined.
    static func flatText(_ node: MathNode) -> String {
        switch node {
        case .identifier(let text, _), .number(let text), .function(let text), .text(let text, _): text
        case .operator(let text, _): text == "\u{2212}" ? "-" : text
        case .space: "\u{2009}"
        case .row(let nodes): nodes.map(flatText).joined()
        default: ""
        }
    }

    /// `\text{...}`: spaces kept (as no-break spaces), `$...$` switching back to math.
    mutating func textArgument(of command: TeXToken, style: String?) throws(TeXMathError) -> MathNode {
        while index < tokens.count, tokens[index].kind == .space { index += 1 }
        guard index < tokens.count, tokens[index].kind == .beginGroup else {
            throw error("missing argument for \(describe(command))", at: command)
        }
        let open = tokens[index]
        index += 1
        var parts: [MathNode] = []
        var text = ""
        var depth = 1
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .beginGroup: depth += 1
            case .endGroup:
                depth -= 1
                if depth == 0 {
                    if !text.isEmpty || parts.isEmpty { parts.append(.text(text, style: style)) }
                    return .group(parts)
                }
            case .space, .tie: text += "\u{00A0}"
            case .character("$"):
                if !text.isEmpty { parts.append(.text(text, style: style)) }
                text = ""
                var math: [MathNode] = []
                while let next = try peek(), next.kind != .character("$") {
                    if isRowEnd(next) { throw error("unclosed $ in \(describe(command))", at: token) }
                    if let atom = try parseAtom() { math.append(atom.finished) }
                }
                guard try next() != nil else { throw error("unclosed $ in \(describe(command))", at: token) }
                parts.append(.group(math))
            case .character(let scalar): text.unicodeScalars.append(scalar)
            case .command(let name) where name.count == 1 && !TeXLexer.isLetter(name.utf8.first!):
                text += name == " " ? "\u{00A0}" : name
            case .command("textbackslash"): text += "\\"
            default:
                throw error("unsupported \(describe(token)) in \(describe(command))", at: token)
            }
        }
        throw error("unmatched {", at: open)
    }
}
