import LessonModel
import Yams

/// The diagnostics of one `lessons.yml` being read, and the checks that add to them (each at a node's location).
struct CourseSettingsProblems {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Line 1, column 1 of the file.
    var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ identifier: String, _ message: String, at node: Node) -> Diagnostic {
        Diagnostic(.error, identifier, message, at: location(of: node))
    }

    mutating func add(_ severity: Diagnostic.Severity, _ identifier: String, _ message: String, at node: Node) {
        diagnostics.append(Diagnostic(severity, identifier, message, at: location(of: node)))
    }

    /// The node's text if it is a scalar, else an error naming `key`.
    mutating func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            add(.error, "settings.type", "'\(key)' must be text, not a list or a mapping", at: node)
            return nil
        }
        return scalar.string
    }

    /// `outline:` — a list whose items are lesson names, or parts `{part: Heading, lessons: [names]}`.
    mutating func outline(_ node: Node) -> [CourseSettings.Part] {
        guard let items = node.sequence else {
            add(.error, "settings.outline", "'outline' must be a list of parts (- part: ..., lessons: [...]) "
                + "or of lesson names", at: node)
            return []
        }
        var parts: [CourseSettings.Part] = []
        var seen: [String: SourceLocation] = [:]
        func reference(_ node: Node) -> CourseSettings.LessonReference? {
            guard let raw = node.scalar?.string, !raw.isEmpty else {
                add(.error, "settings.outline", "a lesson in 'outline' must be its file name, e.g. 01-first-lesson",
                    at: node)
                return nil
            }
            var name = raw
            if name.hasPrefix("Lessons/") { name.removeFirst("Lessons/".count) }
            if name.hasSuffix(".md") { name.removeLast(".md".count) }
            if name.isEmpty || name.contains("/") {
                add(.error, "settings.outline", "'\(raw)' is not a lesson of Lessons/: name the file, e.g. 01-intro",
                    at: node)
                return nil
            }
            if let first = seen[name] {
                diagnostics.append(Diagnostic(
                    .error, "settings.outline-duplicate", "lesson '\(name)' is listed twice in 'outline'",
                    at: location(of: node),
                    notes: [Diagnostic(.note, "settings.outline-duplicate", "first listed here", at: first)]))
                return nil
            }
            seen[name] = location(of: node)
            return CourseSettings.LessonReference(name: name, location: location(of: node))
        }
        for item in items {
            if item.scalar != nil {
                if let lesson = reference(item) {
                    if parts.last?.title == nil, !parts.isEmpty {
                        parts[parts.count - 1].lessons.append(lesson)
                    } else {
                        parts.append(CourseSettings.Part(title: nil, lessons: [lesson]))
                    }
                }
                continue
            }
            guard let mapping = item.mapping else {
                add(.error, "settings.outline", "an 'outline' item must be a lesson name or a part "
                    + "(part: ..., lessons: [...])", at: item)
                continue
            }
            var title: String?
            var lessons: [CourseSettings.LessonReference] = []
            var hasLessons = false
            for (keyNode, value) in mapping {
                switch keyNode.string {
                case "part":
                    title = string(value, key: "part")
                case "lessons":
                    hasLessons = true
                    if let names = value.sequence {
                        lessons += names.compactMap(reference)
                    } else {
                        add(.error, "settings.outline", "'lessons' must be a list of lesson names", at: value)
                    }
                default:
                    add(.error, "settings.outline",
                        "unknown key '\(keyNode.string ?? "?")' in an outline part (a part has 'part' and 'lessons')",
                        at: keyNode)
                }
            }
            if title == nil, mapping["part"] == nil {
                add(.error, "settings.outline", "this outline part has no 'part' heading", at: item)
            }
            if !hasLessons {
                add(.error, "settings.outline", "this outline part has no 'lessons' list", at: item)
            }
            parts.append(CourseSettings.Part(title: title, lessons: lessons))
        }
        return parts
    }

    /// A key given twice in one mapping, at its second line (libyaml names the mapping's start, `fallback`).
    func duplicateKey(_ key: String, in text: String, fallback: Mark) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        /// The column (from 0) where `key:` starts on a line, after indentation and a list item's `- `.
        func keyColumn(_ line: Substring) -> Int? {
            var rest = line.drop { $0 == " " }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            return rest.hasPrefix("\(key):") ? line.count - rest.count : nil
        }
        // libyaml names the start of the mapping: the key's first use at or after it, then its next use in the
        // same column.
        var location = (line: fallback.line, column: fallback.column)
        let start = max(0, fallback.line - 1)
        if let first = lines.indices.first(where: { $0 >= start && keyColumn(lines[$0]) != nil }),
            let column = keyColumn(lines[first]),
            let second = lines.indices.first(where: { $0 > first && keyColumn(lines[$0]) == column })
        {
            location = (second + 1, column + 1)
        }
        return Diagnostic(.error, "settings.duplicate-key", "'\(key)' is given twice",
            at: SourceLocation(file: file, line: location.line, column: location.column))
    }

    /// A YAML syntax error at the line and column libyaml reports.
    func yamlError(_ error: YamlError) -> Diagnostic {
        var line = 1, column = 1
        var message = "\(error)"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            line = mark.line
            column = mark.column
            message = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            break
        }
        return Diagnostic(.error, "settings.yaml", "invalid YAML: \(message)",
            at: SourceLocation(file: file, line: line, column: column))
    }
}
