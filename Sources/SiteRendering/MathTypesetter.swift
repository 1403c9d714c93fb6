/// Turns TeX into MathML for the pages. The site builder hands every math span of a lesson to one of these.
protocol MathTypesetter: Sendable {
    /// The MathML of `tex` (inline `<math>`, or `<math display="block">` when `display`); a problem is thrown
    /// with its 1-based line and column inside `tex`.
    func mathML(_ tex: String, display: Bool) throws(MathProblem) -> String
}

/// A TeX problem at a position inside the math span.
struct MathProblem: Error {
    var message: String
    var line: Int
    var column: Int
}
