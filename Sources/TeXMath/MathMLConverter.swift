/// Converts TeX mathematics to MathML Core at build time: lexer → parser (to a `MathNode` tree) → writer.
///
/// ```swift
/// let converter = MathMLConverter(macros: ["KL": TeXMacro(body: "\\mathrm{KL}(#1 \\,\\|\\, #2)")])
/// let rendering = try converter.convert("\\KL{q}{p} \\geq 0", display: true)
/// rendering.mathML  // <math display="block"><semantics><mrow>…</mrow><annotation …>…</annotation></semantics></math>
/// ```
/// Inline formulas become `<math>`, display formulas `<math display="block">`; both wrap the content in
/// `<semantics>` with the original TeX in `<annotation encoding="application/x-tex">`. Output is deterministic
/// and compact. Errors (`TeXMathError`) carry the line and column of the offending token in the TeX string.
public struct MathMLConverter: Sendable {
    /// Macro bodies, tokenized once.
    let macros: [String: TeXParser.LexedMacro]
    /// Equation numbers by label, for `\ref` and `\eqref`.
    let labels: [String: String]

    /// Creates a converter with a lesson's macros (keyed by name without backslash) and, for `\ref{key}` and
    /// `\eqref{key}` inside math, the equation number of each label.
    public init(macros: [String: TeXMacro] = [:], labels: [String: String] = [:]) {
        var lexed: [String: TeXParser.LexedMacro] = [:]
        for (name, macro) in macros {
            let body = Result { () throws(TeXMathError) in try TeXLexer(source: Array(macro.body.utf8)).tokens() }
            lexed[name] = TeXParser.LexedMacro(parameterCount: macro.parameterCount, body: body)
        }
        self.macros = lexed
        self.labels = labels
    }

    /// Converts `tex` to a `<math>` element; `display` selects `display="block"` (and allows `\tag`).
    public func convert(_ tex: String, display: Bool) throws(TeXMathError) -> MathRendering {
        let source = Array(tex.utf8)
        let tokens = try TeXLexer(source: source).tokens()
        var parser = TeXParser(source: source, tokens: tokens, macros: macros, labels: labels, display: display)
        let nodes = try parser.parseFormula()
        var writer = MathMLWriter()
        writer.output.reserveCapacity(source.count * 8 + 128)
        let text = MathNode.row(nodes).readableText.trimmingSpaces
        writer.output += "<math alttext=\"\(MathMLWriter.escape(text))\"" + (display ? " display=\"block\"><semantics>" : "><semantics>")
        if let tag = parser.tag {
            writer.writeTagged(.row(nodes), tag: parser.tagIsStarred ? tag : "(\(tag))")
        } else {
            writer.write(.row(nodes))
        }
        writer.output += "<annotation encoding=\"application/x-tex\">"
        writer.output += MathMLWriter.escape(tex)
        writer.output += "</annotation></semantics></math>"
        return MathRendering(mathML: writer.output, label: parser.label, tag: parser.tag, text: text)
    }
}
