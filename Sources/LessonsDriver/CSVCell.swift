import Foundation

/// One cell of a CSV file (RFC 4180) that a spreadsheet opens as the text it is.
///
/// Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula (`=1+1`,
/// `=HYPERLINK(...)`, `@SUM(...)`), so it gets a leading `'` (shown by spreadsheets as text, as OWASP
/// recommends). A cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
enum CSVCell {
    /// A text cell: student names, lesson and exercise ids, anything that came from outside.
    static func text(_ value: String) -> String {
        let startsLikeAFormula = value.unicodeScalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } ?? false
        let neutralized = startsLikeAFormula ? "'" + value : value
        return quoted(neutralized)
    }

    /// A number we formatted ourselves (`-1.50`): written as it is (quoted only if it had to be).
    static func number(_ value: String) -> String { quoted(value) }

    private static func quoted(_ value: String) -> String {
        value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
