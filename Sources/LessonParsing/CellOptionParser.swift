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
        var rest = source[...]
        var offset = -1
        while !rest.isEmpty {
            offset += 1
            // Lines end as in CommonMark (and Swift): LF, CRLF or a lone CR.
            let lineEnd = rest.utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? rest.endIndex
            let line = rest[..<lineEnd]
            var next = lineEnd < rest.endIndex ? rest.utf8.index(after: lineEnd) : rest.endIndex
            if lineEnd < rest.endIndex, rest.utf8[lineEnd] == 0x0D, next < rest.endIndex, rest.utf8[next] == 0x0A {
                next = rest.utf8.index(after: next)
            }
            rest = rest[next...]
            guard line.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 }).starts(with: prefix.utf8) else { break }
            // Work on UTF-8 views (fast); columns are counted in characters only for a diagnostic.
            let lineNumber = firstLine + offset
            let bytes = line.utf8
            let keyStart = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 }.map { bytes.index($0, offsetBy: prefix.utf8.count) }!
            let keyFirst = bytes[keyStart...].firstIndex { $0 != 0x20 } ?? bytes.endIndex
            func location(_ index: String.Index) -> SourceLocation {
                SourceLocation(file: file, line: lineNumber, column: line.distance(from: line.startIndex, to: index) + 1)
            }
            guard let colon = bytes[keyFirst...].firstIndex(of: 0x3A) else {
                diagnostics.append(Diagnostic(
                    .error, "cell-option.syntax", "cell option must have the form '//| key: value'",
                    at: location(keyFirst)))
                continue
            }
            let keyName = String(line[keyFirst..<colon].trimmingWhitespace())
            let valueText = line[bytes.index(after: colon)...].trimmingWhitespace()
            if let previous = seen[keyName] {
                diagnostics.append(Diagnostic(
                    .error, "cell-option.duplicate", "cell option '\(keyName)' is given twice", at: location(keyFirst),
                    notes: [Diagnostic(.note, "cell-option.duplicate", "first given here",
                        at: SourceLocation(file: file, line: previous, column: location(keyFirst).column))]))
                continue
            }
            seen[keyName] = lineNumber
            if let problem = apply(key: keyName, value: YAMLScalar(valueText), to: &options) {
                diagnostics.append(Diagnostic(
                    .error, problem.identifier, problem.message,
                    at: location(problem.atKey ? keyFirst : valueText.startIndex)))
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
        case "echo", "output", "error", "manual", "fold":
            guard let flag = value.bool else { return typeProblem("true or false") }
            switch key {
            case "echo": options.echo = flag
            case "output": options.output = flag
            case "error": options.expectError = flag
            case "fold": options.fold = flag
            default: options.manual = flag
            }
        case "timeout":
            guard let seconds = value.number else { return typeProblem("a positive number of seconds") }
            if let problem = NumberBounds.timeout.problem(with: seconds, name: "cell option 'timeout'") {
                return Problem(identifier: "cell-option.range", message: problem)
            }
            options.timeout = seconds
        case "points":
            guard let points = value.number else { return typeProblem("a non-negative number") }
            if let problem = NumberBounds.points.problem(with: points, name: "cell option 'points'") {
                return Problem(identifier: "cell-option.range", message: problem)
            }
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
