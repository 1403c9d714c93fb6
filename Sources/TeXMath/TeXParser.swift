/// Parses TeX math tokens into a `MathNode` tree, expanding macros as it goes.
///
/// Rows are parsed by `parseRow`, which stops (without consuming) at the end of input, `}`, `&`, `\\`,
/// `\right`, `\middle` and `\end`; whoever opened the construct decides whether that stop is an error.
struct TeXParser {
    /// The TeX source as UTF-8, for error positions.
    let source: [UInt8]
    /// The tokens still to read (macro expansions are spliced in place).
    var tokens: [TeXToken]
    /// Index of the next token.
    var index = 0
    /// Macro bodies, already tokenized (or the error tokenizing them).
    let macros: [String: LexedMacro]
    /// Equation numbers by label, for `\ref` and `\eqref`.
    let labels: [String: String]
    /// Whether this is display math (`\tag` is only allowed there).
    let display: Bool
    /// The alphabet letters are set in (`\mathbb{...}` and friends), or `nil` for TeX's defaults.
    var font: MathFont? = nil
    /// How many groups, `\left`s and environments are open, to tell a stray closer from a missing one.
    var groupDepth = 0, leftDepth = 0, environmentDepth = 0
    /// Macro expansions so far, bounded to stop runaway recursion.
    var expansions = 0
    /// `\label{...}` and `\tag{...}` found in the formula.
    var label: String? = nil, tag: String? = nil, tagIsStarred = false

    /// A macro with its body tokenized once.
    struct LexedMacro: Sendable {
        var parameterCount: Int
        var body: Result<[TeXToken], TeXMathError>
    }

    init(source: [UInt8], tokens: [TeXToken], macros: [String: LexedMacro], labels: [String: String], display: Bool) {
        self.source = source
        self.tokens = tokens
        self.macros = macros
        self.labels = labels
        self.display = display
    }

    func error(_ message: String, at token: TeXToken) -> TeXMathError {
        TeXMathError(message, at: token.offset, in: source)
    }

    // MARK: Reading tokens

    /// The next token after spaces, with macros at the front expanded, without consuming it.
    mutating func peek() throws(TeXMathError) -> TeXToken? {
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .space: index += 1
            case .command(let name) where macros[name] != nil: try expand(macros[name]!, at: token)
            default: return token
            }
        }
        return nil
    }

    /// The next token after spaces (macros expanded), consumed.
    mutating func next() throws(TeXMathError) -> TeXToken? {
        let token = try peek()
        if token != nil { index += 1 }
        return token
    }

    /// Replaces the macro use at `index` (and its arguments) by the body with arguments substituted.
    mutating func expand(_ macro: LexedMacro, at use: TeXToken) throws(TeXMathError) {
        expansions += 1
        if expansions > 10_000 { throw error("macro expansion does not terminate", at: use) }
        let body: [TeXToken]
        switch macro.body {
        case .success(let tokens): body = tokens
        case .failure(let failure):
            throw error("in the body of macro \(describe(use)): \(failure.message)", at: use)
        }
        let start = index
        index += 1
        var arguments: [[TeXToken]] = []
        for _ in 0..<macro.parameterCount {
            guard let argument = try rawArgument() else {
                throw error("missing argument for \(describe(use))", at: use)
            }
            arguments.append(argument)
        }
        var replacement: [TeXToken] = []
        replacement.reserveCapacity(body.count)
        for token in body {
            if case .parameter(let number) = token.kind {
                guard number <= arguments.count else {
                    throw error("macro \(describe(use)) uses #\(number) but takes \(arguments.count) arguments", at: use)
                }
                replacement.append(contentsOf: arguments[number - 1].map { TeXToken(kind: $0.kind, offset: use.offset) })
            } else {
                replacement.append(TeXToken(kind: token.kind, offset: use.offset))
            }
        }
        tokens.replaceSubrange(start..<index, with: replacement)
        index = start
    }

    /// One unexpanded argument: the tokens inside a balanced `{...}`, or a single token.
    mutating func rawArgument() throws(TeXMathError) -> [TeXToken]? {
        while index < tokens.count, tokens[index].kind == .space { index += 1 }
        guard index < tokens.count else { return nil }
        let first = tokens[index]
        index += 1
        switch first.kind {
        case .beginGroup:
            var depth = 1
            let start = index
            while index < tokens.count {
                if tokens[index].kind == .beginGroup { depth += 1 }
                if tokens[index].kind == .endGroup {
                    depth -= 1
                    if depth == 0 { index += 1; return Array(tokens[start..<(index - 1)]) }
                }
                index += 1
            }
            throw error("unmatched {", at: first)
        case .endGroup: index -= 1; return nil
        default: return [first]
        }
    }

    /// `\name` for a command token, or the character, for messages.
    func describe(_ token: TeXToken) -> String {
        switch token.kind {
        case .command(let name): "\\" + name
        case .character(let scalar): String(Character(scalar))
        case .beginGroup: "{"
        case .endGroup: "}"
        case .superscript: "^"
        case .subscriptMark: "_"
        case .alignment: "&"
        case .parameter(let number): "#\(number)"
        case .space: "space"
        case .tie: "~"
        }
    }

    // MARK: The formula

    /// Parses the whole formula; any closer left over is an error at its own position.
    ///
    /// `\\` at the top level (outside any environment, group or `\left`) is accepted as KaTeX and MathJax accept
    /// it: in display math it breaks the line (the lines become a centred one-column table), inline it is ignored.
    mutating func parseFormula() throws(TeXMathError) -> [MathNode] {
        var lines = [try parseRow()]
        while let stop = try peek() {
            guard stop.kind == .command("\\") else { throw strayCloser(stop) }
            index += 1
            if let optional = try peek(), optional.kind == .character("[") { _ = try skipBracketed() }
            lines.append(try parseRow())
        }
        if lines.count == 1 { return lines[0] }
        if !display { return lines.flatMap { $0 } }
        return [.table(rows: lines.filter { !$0.isEmpty }.map { [.group($0)] }, columnAlignments: [.center],
            displayStyle: true, alignedPairs: false)]
    }

    /// Skips an optional `[...]` argument (`\\[2pt]`), through its `]`.
    mutating func skipBracketed() throws(TeXMathError) -> Bool {
        while let token = try next() {
            if token.kind == .character("]") { return true }
        }
        return false
    }

    /// The error for a token that ends a row where nothing it could close is open.
    func strayCloser(_ token: TeXToken) -> TeXMathError {
        switch token.kind {
        case .endGroup: error("unmatched }", at: token)
        case .alignment: error("& outside an environment", at: token)
        case .command("\\"): error("\\\\ outside an environment", at: token)
        case .command("right"): error("\\right without \\left", at: token)
        case .command("middle"): error("\\middle without \\left", at: token)
        case .command("end"): error("\\end without \\begin", at: token)
        default: error("unexpected \(describe(token))", at: token)
        }
    }

    /// Whether `token` ends the current row.
    func isRowEnd(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .endGroup, .alignment: true
        case .command(let name): name == "\\" || name == "right" || name == "middle" || name == "end" || name == "cr"
        default: false
        }
    }
}
