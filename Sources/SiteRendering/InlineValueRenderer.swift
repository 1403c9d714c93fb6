import LessonModel

/// Puts the values a run stored for a lesson's inline expressions (`` `{swift} nll` ``) into its page: each
/// span and its stored value become a placeholder before Markdown is parsed, filled afterwards with the value.
enum InlineValueRenderer {
    /// Placeholders read `LESSONSVALUE<n>X`.
    static let placeholderPrefix = "LESSONSVALUE"

    /// The content of each line that holds inline expressions, with placeholders in their place; the HTML for
    /// each placeholder; and an error for each expression without a value.
    static func placeholders(for lesson: Lesson) -> (lines: [Int: String], html: [String], diagnostics: [Diagnostic]) {
        var html = Array(repeating: "", count: lesson.inlineExpressions.count)
        var diagnostics: [Diagnostic] = []
        var byLine: [Int: [InlineExpression]] = [:]
        for expression in lesson.inlineExpressions { byLine[expression.line, default: []].append(expression) }
        var lines: [Int: String] = [:]
        for (line, expressions) in byLine {
            let start = lesson.source.startOffset(ofLine: line)
            var bytes = Array(lesson.source.bytes[start..<lesson.source.contentEndOffset(ofLine: line)])
            for expression in expressions.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                let code = HTMLText.escape(expression.code)
                let replacement: String
                if let stored = expression.stored {
                    replacement = "<span class=\"inline-value\" tabindex=\"0\" data-code=\"\(code)\">\(HTMLText.escape(stored.text))</span>"
                } else {
                    diagnostics.append(Diagnostic(
                        .error, "site.inline-value",
                        "inline expression `\(expression.code)` has no value (run the lesson)",
                        at: lesson.location(line: line, column: expression.column)))
                    replacement = "<code class=\"inline-value-missing\">\(code)</code>"
                }
                let range = (expression.fullRange.lowerBound - start)..<(expression.fullRange.upperBound - start)
                bytes.replaceSubrange(range, with: Array("\(placeholderPrefix)\(expression.index)X".utf8))
                html[expression.index] = replacement
            }
            lines[line] = String(decoding: bytes, as: UTF8.self)
        }
        return (lines, html, diagnostics.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) })
    }
}
