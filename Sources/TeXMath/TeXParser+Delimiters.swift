extension TeXParser {
    /// The delimiter after `\left`, `\right`, `\middle` or `\big`: its character, or `""` for `.`.
    mutating func parseDelimiter(after command: TeXToken) throws(TeXMathError) -> String {
        guard let token = try next() else { throw error("missing delimiter after \(describe(command))", at: command) }
        switch token.kind {
        case .character("."): return ""
        case .character(let scalar) where TeXSymbols.delimiterCharacters.contains(scalar) || scalar == "<" || scalar == ">":
            return scalar == "<" ? "\u{27E8}" : scalar == ">" ? "\u{27E9}" : String(Character(scalar))
        case .command(let name):
            if let text = TeXSymbols.delimiters[name] { return text }
            if ["uparrow", "downarrow", "Uparrow", "Downarrow", "backslash"].contains(name),
               let text = TeXSymbols.operators[name] ?? ["Uparrow": "\u{21D1}", "Downarrow": "\u{21D3}"][name] {
                return text
            }
            throw error("\(describe(token)) is not a delimiter", at: token)
        default:
            throw error("missing delimiter after \(describe(command))", at: command)
        }
    }

    /// `\left( ... \middle| ... \right)`, the `\left` just consumed: a row with stretchy fences.
    mutating func parseLeftRight(_ left: TeXToken) throws(TeXMathError) -> MathNode {
        var nodes: [MathNode] = []
        let open = try parseDelimiter(after: left)
        if !open.isEmpty { nodes.append(.operator(open, .stretched)) }
        leftDepth += 1
        while true {
            nodes.append(contentsOf: try parseRow())
            guard let stop = try peek() else { throw error("\\left without \\right", at: left) }
            switch stop.kind {
            case .command("middle"):
                index += 1
                let middle = try parseDelimiter(after: stop)
                if !middle.isEmpty { nodes.append(.operator(middle, .stretched)) }
            case .command("right"):
                index += 1
                leftDepth -= 1
                let close = try parseDelimiter(after: stop)
                if !close.isEmpty { nodes.append(.operator(close, .stretched)) }
                return .row(nodes)
            case .endGroup where groupDepth == 0:
                throw strayCloser(stop)
            case .alignment where environmentDepth == 0, .command("\\") where environmentDepth == 0:
                throw strayCloser(stop)
            default:
                throw error("\\left without \\right", at: left)
            }
        }
    }
}
