extension TeXMacro {
    /// Parses `\newcommand{\NAME}[N]{BODY}` declarations (also `\renewcommand`, `\newcommand\NAME{BODY}`,
    /// `\DeclareMathOperator{\NAME}{text}`), one after another, into a table keyed by name without backslash.
    public static func definitions(in source: String) throws(TeXMathError) -> [String: TeXMacro] {
        let bytes = Array(source.utf8)
        var reader = TokenReader(tokens: try TeXLexer(source: bytes).tokens(), source: bytes)
        var table: [String: TeXMacro] = [:]
        while let token = reader.next(skippingSpaces: true) {
            guard case .command(let command) = token.kind,
                  ["newcommand", "renewcommand", "DeclareMathOperator"].contains(command) else {
                throw TeXMathError("expected \\newcommand", at: token.offset, in: bytes)
            }
            var nameToken = try reader.required(after: token)
            if nameToken.kind == .beginGroup {
                nameToken = try reader.required(after: token)
                guard reader.next(skippingSpaces: true)?.kind == .endGroup else {
                    throw TeXMathError("expected } after the macro name", at: nameToken.offset, in: bytes)
                }
            }
            guard case .command(let name) = nameToken.kind else {
                throw TeXMathError("expected a macro name such as \\KL", at: nameToken.offset, in: bytes)
            }
            var count = 0
            if command != "DeclareMathOperator", reader.peek(skippingSpaces: true)?.kind == .character("[") {
                _ = reader.next(skippingSpaces: true)
                let digit = try reader.required(after: token)
                guard case .character(let scalar) = digit.kind, let value = Int(String(scalar)), (0...9).contains(value),
                      reader.next(skippingSpaces: true)?.kind == .character("]") else {
                    throw TeXMathError("expected [N] with N from 0 to 9", at: digit.offset, in: bytes)
                }
                count = value
            }
            let open = try reader.required(after: token)
            guard open.kind == .beginGroup else {
                throw TeXMathError("expected {body} for \\\(name)", at: open.offset, in: bytes)
            }
            let close = try reader.matchingEnd(of: open)
            let body = String(decoding: bytes[(open.offset + 1)..<close.offset], as: UTF8.self)
            table[name] = command == "DeclareMathOperator"
                ? TeXMacro(parameterCount: 0, body: "\\operatorname{\(body)}")
                : TeXMacro(parameterCount: count, body: body)
        }
        return table
    }

    /// Builds macros from a front-matter mapping `NAME: BODY` (name with or without its backslash; the body may
    /// also be a whole `\newcommand` declaration). Parameter counts come from the highest `#n` in each body.
    public static func macros(fromFrontMatter entries: [String: String]) throws(TeXMathError) -> [String: TeXMacro] {
        var table: [String: TeXMacro] = [:]
        for (key, value) in entries {
            let name = key.hasPrefix("\\") ? String(key.dropFirst()) : key
            let trimmed = value.drop { $0 == " " }
            if trimmed.hasPrefix("\\newcommand") || trimmed.hasPrefix("\\renewcommand") {
                for (declared, macro) in try definitions(in: String(trimmed)) { table[declared] = macro }
            } else {
                table[name] = TeXMacro(body: value)
            }
        }
        return table
    }
}
