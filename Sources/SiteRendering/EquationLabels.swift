/// `\label{key}` in a display equation: the key that numbers it and that `\eqref{key}` cites.
enum EquationLabels {
    /// The key of the first `\label{…}` in `tex`, if any.
    static func label(in tex: String) -> String? {
        guard let start = tex.range(of: "\\label{"), let end = tex[start.upperBound...].firstIndex(of: "}") else { return nil }
        let key = String(tex[start.upperBound..<end])
        return key.isEmpty ? nil : key
    }
}
