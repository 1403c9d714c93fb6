/// `\label{key}` in a display equation: the key that numbers it and that `\eqref{key}` cites.
enum EquationLabels {
    /// The key of the first `\label{…}` in `tex`, if any.
    static func label(in tex: String) -> String? {
        guard let start = tex.range(of: "\\label{"), let end = tex[start.upperBound...].firstIndex(of: "}") else { return nil }
        let key = String(tex[start.upperBound..<end])
        return key.isEmpty ? nil : key
    }

    /// A formula that is only a reference, `\eqref{key}` or `\ref{key}`: its key, and whether it is shown in
    /// parentheses (`\eqref`). The site writes it as a link to the equation.
    static func reference(in tex: String) -> (key: String, parenthesized: Bool)? {
        let text = tex.trimmedWhitespace()
        for (command, parenthesized) in [("\\eqref{", true), ("\\ref{", false)] where text.hasPrefix(command) && text.hasSuffix("}") {
            let key = String(text.dropFirst(command.count).dropLast())
            if !key.isEmpty, !key.contains("}"), !key.contains("{") { return (key, parenthesized) }
        }
        return nil
    }
}
