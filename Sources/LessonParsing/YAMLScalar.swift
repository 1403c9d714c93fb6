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
        } else if let first = text.utf8.first, first == 0x22 || first == 0x27 || first == 0x5B || first == 0x7B {
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

    /// The content of a quoted scalar with no quote or backslash between its quotes (most captions); nil when Yams
    /// must decide. Quotes are told by their bytes: a combining mark after a quote makes one Character with it,
    /// and YAML still reads the quote.
    private static func simpleQuoted(_ text: Substring) -> String? {
        let bytes = text.utf8
        guard bytes.count >= 2, let quote = bytes.first, quote == 0x22 || quote == 0x27, bytes.last == quote else {
            return nil
        }
        let inside = bytes.dropFirst().dropLast()
        guard !inside.contains(where: { $0 == 0x22 || $0 == 0x27 || $0 == 0x5C }) else { return nil }
        return String(Substring(inside))
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
