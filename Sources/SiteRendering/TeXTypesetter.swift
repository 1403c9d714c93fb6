import TeXMath

/// Math through the project's TeX-to-MathML converter (the `TeXMath` module).
struct TeXTypesetter: MathTypesetter {
    let converter: MathMLConverter

    /// A typesetter with a lesson's macros.
    init(macros: [String: TeXMacro] = [:]) { converter = MathMLConverter(macros: macros) }

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
