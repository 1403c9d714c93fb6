import Yams

/// A YAML scalar value from one option line, resolved like YAML's core schema.
///
/// Plain `true`/`false`, numbers and words are resolved directly (fast); quoted or structured text goes
/// through Yams.
struct YAMLScalar {
    /// The value as written.
    let text: Substring
    private let resolved: Any?

    init(_ text: Substring) {
        self.text = text
        if let quoted = Self.simpleQuoted(text) {
            resolved = quoted
        } else if text.first == "\"" || text.first == "'" || text.first == "[" || text.first == "{" {
            resolved = try? Yams.load(yaml: String(text))
        } else if text == "true" || text == "True" || text == "TRUE" {
            resolved = true
        } else if text == "false" || text == "False" || text == "FALSE" {
            resolved = false
        } else if let integer = Int(text) {
            resolved = integer
        } else if let double = Double(text) {
            resolved = double
        } else {
            resolved = String(text)
        }
    }

    var bool: Bool? { resolved as? Bool }

    /// The content of a quoted scalar without escapes other than `\"` and `\\` (double quotes) or `''`
    /// (single quotes); nil when Yams must decide.
    private static func simpleQuoted(_ text: Substring) -> String? {
        guard text.count >= 2, let quote = text.first, quote == "\"" || quote == "'", text.last == quote else {
            return nil
        }
        var result = ""
        var characters = text.dropFirst().dropLast().makeIterator()
        while let character = characters.next() {
            if quote == "\"" && character == "\\" {
                guard let escaped = characters.next(), escaped == "\"" || escaped == "\\" else { return nil }
                result.append(escaped)
            } else if quote == "'" && character == "'" {
                guard characters.next() == "'" else { return nil }
                result.append("'")
            } else if character == quote {
                return nil
            } else {
                result.append(character)
            }
        }
        return result
    }

    var number: Double? {
        if let integer = resolved as? Int { return Double(integer) }
        return resolved as? Double
    }

    /// The value as a string: a plain or quoted string, or a number written as text.
    var string: String? {
        if let string = resolved as? String { return string }
        if resolved is Int || resolved is Double { return String(text) }
        return nil
    }
}
