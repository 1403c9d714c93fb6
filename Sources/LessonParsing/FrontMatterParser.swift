public import LessonModel
import Yams

/// Reads a lesson's YAML front matter: the lines between a first line `---` and the next `---` (or `...`).
public enum FrontMatterParser {
    /// Keys that lessons may use; anything else is reported as a warning.
    public static let knownKeys: Set<String> = [
        "title", "part", "chapter", "order", "seed", "timeout", "macros", "data", "deadline", "late_penalty", "references",
        "description", "authors",
    ]

    /// Parses the front matter of `source`, or reports why it cannot.
    /// - Returns: the front matter (nil when there is none or it is unusable) and diagnostics.
    public static func parse(_ source: SourceText, file: String) -> (FrontMatter?, [Diagnostic]) {
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        // A byte order mark before the first line is not content (cmark skips it too).
        let firstLine = source.content(ofLine: 1)
        guard firstLine.drop(while: { $0 == "\u{FEFF}" }).trimmingTrailingSpaces() == "---" else {
            return (nil, [Diagnostic(
                .error, "front-matter.missing",
                "a lesson must start with YAML front matter: a line '---', then at least 'title: ...', then '---'",
                at: at(1))])
        }
        var closingLine: Int?
        for line in 2...max(2, source.lineCount) where line <= source.lineCount {
            let content = source.content(ofLine: line).trimmingTrailingSpaces()
            if content == "---" || content == "..." { closingLine = line; break }
        }
        guard let closingLine else {
            return (nil, [Diagnostic(
                .error, "front-matter.unterminated", "front matter opened here is never closed with '---'",
                at: at(1))])
        }
        let yaml = closingLine > 2 ? source.text(of: LineRange(2, closingLine - 1)) : ""
        return FrontMatterMemo.shared.result(.init(file: ExactText(file), yaml: ExactText(yaml), closingLine: closingLine)) {
            parse(yaml: yaml, closingLine: closingLine, file: file)
        }
    }

    /// The front matter whose YAML (from line 2) is `yaml`, closed at line `closingLine` of `file`.
    static func parse(yaml: String, closingLine: Int, file: String) -> (FrontMatter?, [Diagnostic]) {
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
            SourceLocation(file: file, line: line, column: column)
        }
        var diagnostics: [Diagnostic] = []
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [yamlDiagnostic(error, firstLine: 2, file: file)])
        } catch {
            return (nil, [Diagnostic(.error, "front-matter.yaml", "invalid YAML: \(error)", at: at(2))])
        }
        guard let mapping = node?.mapping else {
            return (nil, [Diagnostic(
                .error, "front-matter.not-mapping", "front matter must be a YAML mapping of keys to values",
                at: at(2))])
        }
        var values = FrontMatterValues(file: file, firstLine: 2)
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { continue }
            values.add(key: key, keyNode: keyNode, value: valueNode)
            if !knownKeys.contains(key) {
                diagnostics.append(Diagnostic(
                    .warning, "front-matter.unknown-key",
                    "unknown front matter key '\(key)' (known keys: \(knownKeys.sorted().joined(separator: ", ")))",
                    at: values.location(of: keyNode)))
            }
        }
        let (frontMatter, valueDiagnostics) = values.frontMatter(
            rawText: yaml, lines: LineRange(1, closingLine), titleLocation: at(1))
        return (frontMatter, diagnostics + valueDiagnostics)
    }

    private static func yamlDiagnostic(_ error: YamlError, firstLine: Int, file: String) -> Diagnostic {
        var line = firstLine
        var column = 1
        var message = "\(error)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            line = firstLine + mark.line - 1
            column = mark.column
            message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            break
        }
        return Diagnostic(
            .error, "front-matter.yaml", "invalid YAML in front matter: \(message)",
            at: SourceLocation(file: file, line: line, column: column))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
