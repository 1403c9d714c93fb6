import TeXMath

/// Math through the project's TeX-to-MathML converter (the `TeXMath` module).
struct TeXTypesetter: MathTypesetter {
    let converter: MathMLConverter

    /// A typesetter with a lesson's macros and the numbers of its labelled equations (for `\eqref`).
    init(macros: [String: TeXMacro] = [:], labels: [String: String] = [:]) {
        converter = MathMLConverter(macros: macros, labels: labels)
    }

    func mathML(_ tex: String, display: Bool) throws(MathProblem) -> String {
        do {
            return try converter.convert(tex, display: display).mathML
        } catch {
            throw MathProblem(message: error.message, line: error.line, column: error.column)
        }
    }
}

extension TeXTypesetter {
    /// Whether math converts.
    static let isAvailable = true
}
