import TeXMath

/// Math through the project's TeX-to-MathML converter (the `TeXMath` module), for one lesson: its front-matter
/// macros and the numbers of its labelled equations.
struct TeXTypesetter: Sendable {
    let converter: MathMLConverter

    /// A typesetter with a lesson's macros and the numbers of its labelled equations (for `\eqref`).
    init(macros: [String: TeXMacro] = [:], labels: [String: String] = [:]) {
        converter = MathMLConverter(macros: macros, labels: labels)
    }

    /// The MathML of `tex`; a problem is thrown with its 1-based line and column inside `tex`.
    func mathML(_ tex: String, display: Bool) throws(TeXMathError) -> String {
        try converter.convert(tex, display: display).mathML
    }

    /// The MathML of `tex` with its readable text.
    func rendering(_ tex: String, display: Bool) throws(TeXMathError) -> MathRendering {
        try converter.convert(tex, display: display)
    }
}
