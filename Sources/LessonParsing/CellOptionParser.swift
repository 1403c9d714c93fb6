public import LessonModel
import Yams

/// Reads a cell's leading `//| key: value` lines (YAML values) into ``CellOptions``.
public enum CellOptionParser {
    /// The marker that starts an option line.
    public static let prefix = "//|"

    /// Parses the option lines at the top of `source`, the cell body whose first line is `firstLine`.
    public static func parse(_ source: String, firstLine: Int, file: String) -> (CellOptions, [Diagnostic]) {
        var options = CellOptions()
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (offset, line) in lines.enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indentation.count)
            guard rest.hasPrefix(prefix) else { break }
            let lineNumber = firstLine + offset
            let body = rest.dropFirst(prefix.count)
            let keyStart = body.prefix { $0 == " " }.count
            let column = indentation.count + prefix.count + keyStart + 1
            let location = SourceLocation(file: file, line: lineNumber, column: column)
            guard let colon = body.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(
                    .error, "cell-option.syntax", "cell option must have the form '//| key: value'", at: location))
                continue
            }
            let key = body[..<colon].trimmingWhitespace()
            let valueText = body[body.index(after: colon)...].trimmingWhitespace()
            let keyName = String(key)
            if let previous = seen[keyName] {
                diagnostics.append(Diagnostic(
                    .error, "cell-option.duplicate", "cell option '\(keyName)' is given twice", at: location,
                    notes: [Diagnostic(.note, "cell-option.duplicate", "first given here",
                        at: SourceLocation(file: file, line: previous, column: column))]))
                continue
            }
            seen[keyName] = lineNumber
            let valueColumn = line.distance(from: line.startIndex, to: valueText.startIndex) + 1
            let valueLocation = SourceLocation(file: file, line: lineNumber, column: valueColumn)
            if let problem = apply(key: keyName, value: YAMLScalar(valueText), to: &options) {
                diagnostics.append(Diagnostic(
                    .error, problem.identifier, problem.message, at: problem.atKey ? location : valueLocation))
            }
        }
        return (options, diagnostics)
    }

    private struct Problem {
        var identifier: String
        var message: String
        var atKey: Bool = false
    }

    private static func apply(key: String, value: YAMLScalar, to options: inout CellOptions) -> Problem? {
        func typeProblem(_ expected: String) -> Problem {
            Problem(identifier: "cell-option.type", message: "cell option '\(key)' must be \(expected), not '\(value.text)'")
        }
        switch key {
        case "id", "exercise", "test":
            guard let text = value.string, Slug.isValid(text) else {
                return typeProblem("a slug of letters, digits, '-' and '_'")
            }
            switch key {
            case "id": options.id = text
            case "exercise": options.exercise = text
            default: options.test = text
            }
        case "echo", "output", "error", "manual":
            guard let flag = value.bool else { return typeProblem("true or false") }
            switch key {
            case "echo": options.echo = flag
            case "output": options.output = flag
            case "error": options.expectError = flag
            default: options.manual = flag
            }
        case "timeout":
            guard let seconds = value.number, seconds > 0 else { return typeProblem("a positive number of seconds") }
            options.timeout = seconds
        case "points":
            guard let points = value.number, points >= 0 else { return typeProblem("a non-negative number") }
            options.points = points
        case "caption":
            guard let text = value.string else { return typeProblem("a string") }
            options.caption = text
        default:
            let known = CellOptions.knownKeys.joined(separator: ", ")
            return Problem(
                identifier: "cell-option.unknown", message: "unknown cell option '\(key)' (known: \(known))",
                atKey: true)
        }
        return nil
    }
}
