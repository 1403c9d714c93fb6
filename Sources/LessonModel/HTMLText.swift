/// Escaping text for HTML, for everything the runner and the grader write into HTML.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
