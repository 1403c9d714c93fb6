import CMarkSupport
import LessonModel

/// Picks the inline expressions (`` `{swift} expr` ``) out of a lesson's code spans, with any value stored after
/// each by the last run.
enum InlineExpressionCollector {
    static func collect(_ spans: [MarkdownCodeSpan], source: SourceText, file: String)
        -> ([InlineExpression], [Diagnostic])
    {
        var expressions: [InlineExpression] = []
        var diagnostics: [Diagnostic] = []
        for span in spans {
            guard span.literal.hasPrefix(InlineExpression.prefix) else { continue }
            let rest = span.literal.dropFirst(InlineExpression.prefix.count)
            // `{swift}x` and a bare `{swift}` (how prose names the cell marker) are ordinary code, as in Quarto.
            let code = String(rest.trimmingWhitespace())
            guard rest.first == " ", !code.isEmpty else { continue }
            let column = characterColumn(ofByteColumn: span.column, line: span.line, in: source)
            let location = SourceLocation(file: file, line: span.line, column: column)
            if span.crossesLines {
                diagnostics.append(Diagnostic(
                    .error, "inline.multiline",
                    "inline `{swift}` expression must fit on one line (compute it in a cell and show a name here)",
                    at: location))
                continue
            }
            // The expression starts after the backticks, an optional space and the prefix and its spaces.
            let spanText = String(decoding: source.bytes[span.range], as: UTF8.self)
            let codeOffset = spanText.prefix { $0 == "`" }.count
                + spanText.drop { $0 == "`" }.prefix { $0 == " " }.count
                + InlineExpression.prefix.count
                + spanText.drop { $0 == "`" }.drop { $0 == " " }.dropFirst(InlineExpression.prefix.count)
                    .prefix { $0 == " " }.count
            let stored = StoredInlineValue.parse(source.bytes, at: span.range.upperBound)
            if stored == nil, source.bytes[span.range.upperBound...].starts(with: StoredInlineValue.openingPrefix.utf8) {
                diagnostics.append(Diagnostic(
                    .error, "inline.damaged-value",
                    "the value stored after this expression is damaged (no '\(StoredInlineValue.closing)' on its line); "
                        + "delete what is left of it by hand, then run the lesson again",
                    at: location))
                continue
            }
            if let stored, !stored.isIntact {
                diagnostics.append(Diagnostic(
                    .warning, "inline.edited-value",
                    "the value stored after this expression was edited by hand (or an older `lessons` wrote it); "
                        + "`lessons run` writes it again and `lessons clear` removes it",
                    at: location))
            }
            expressions.append(InlineExpression(
                index: expressions.count, code: code, line: span.line, column: column, codeColumn: column + codeOffset,
                range: span.range, stored: stored))
        }
        return (expressions, diagnostics)
    }

    private static func characterColumn(ofByteColumn byteColumn: Int, line: Int, in source: SourceText) -> Int {
        let start = source.startOffset(ofLine: line)
        let prefix = source.bytes[start..<min(source.bytes.count, start + byteColumn - 1)]
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
