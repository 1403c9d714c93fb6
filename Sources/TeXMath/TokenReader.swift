/// Reads a token array front to back, for the macro declaration parser.
struct TokenReader {
    let tokens: [TeXToken]
    let source: [UInt8]
    var index = 0

    mutating func peek(skippingSpaces: Bool) -> TeXToken? {
        while skippingSpaces, index < tokens.count, tokens[index].kind == .space { index += 1 }
        return index < tokens.count ? tokens[index] : nil
    }

    mutating func next(skippingSpaces: Bool) -> TeXToken? {
        let token = peek(skippingSpaces: skippingSpaces)
        if token != nil { index += 1 }
        return token
    }

    /// The next non-space token, or an error at `token` when the input ends.
    mutating func required(after token: TeXToken) throws(TeXMathError) -> TeXToken {
        guard let next = next(skippingSpaces: true) else {
            throw TeXMathError("incomplete macro declaration", at: token.offset, in: source)
        }
        return next
    }

    /// Consumes through the `}` that closes the `{` just read, returning it.
    mutating func matchingEnd(of open: TeXToken) throws(TeXMathError) -> TeXToken {
        var depth = 1
        while let token = next(skippingSpaces: false) {
            if token.kind == .beginGroup { depth += 1 }
            if token.kind == .endGroup { depth -= 1; if depth == 0 { return token } }
        }
        throw TeXMathError("unmatched {", at: open.offset, in: source)
    }
}
