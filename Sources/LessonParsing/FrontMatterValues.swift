import LessonModel
import Yams

/// Collects front matter values by key and checks their types, with the location of each.
struct FrontMatterValues {
    let file: String
    /// The file line of the YAML's first line.
    let firstLine: Int
    private var nodes: [String: (key: Node, value: Node)] = [:]

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    mutating func add(key: String, keyNode: Node, value: Node) {
        nodes[key] = (keyNode, value)
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(
            file: file, line: firstLine + (node.mark?.line ?? 1) - 1, column: node.mark?.column ?? 1)
    }

    func frontMatter(rawText: String, lines: LineRange, titleLocation: SourceLocation) -> (FrontMatter?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func string(_ key: String) -> String? {
            guard let node = nodes[key]?.value else { return nil }
            guard let value = node.scalar?.string else {
                diagnostics.append(typeError(key, "a string", node))
                return nil
            }
            return value
        }
        func integer(_ key: String) -> Int? {
            guard let node = nodes[key]?.value else { return nil }
            guard let scalar = node.scalar, let value = Int(scalar.string) else {
                diagnostics.append(typeError(key, "an integer", node))
                return nil
            }
            return value
        }
        let title = string("title")
        let part = string("part")
        let chapter = string("chapter")
        let order = integer("order")
        var seed: UInt64?
        if let node = nodes["seed"]?.value {
            if let scalar = node.scalar, let value = UInt64(scalar.string) {
                seed = value
            } else {
                diagnostics.append(typeError("seed", "a non-negative integer", node))
            }
        }
        var timeout: Double?
        if let node = nodes["timeout"]?.value {
            if let scalar = node.scalar, let value = Double(scalar.string), NumberBounds.timeout.contains(value) {
                timeout = value
            } else {
                diagnostics.append(typeError("timeout", NumberBounds.timeout.requirement, node))
            }
        }
        let deadline = string("deadline")
        var latePenalty: Double?
        if let node = nodes["late_penalty"]?.value {
            if let scalar = node.scalar, let value = Double(scalar.string), NumberBounds.fraction.contains(value) {
                latePenalty = value
            } else {
                diagnostics.append(typeError("late_penalty", "a fraction between 0 and 1 (per day late)", node))
            }
        }
        var macros: [String: String] = [:]
        if let node = nodes["macros"]?.value {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    if let name = key.scalar?.string, let body = value.scalar?.string {
                        macros[name] = body
                    } else {
                        diagnostics.append(typeError("macros", "a mapping of macro names to TeX bodies", value))
                    }
                }
            } else {
                diagnostics.append(typeError("macros", "a mapping of macro names to TeX bodies", node))
            }
        }
        guard let title, !title.isEmpty else {
            if nodes["title"] == nil {
                diagnostics.append(Diagnostic(
                    .error, "front-matter.missing-title", "front matter has no 'title'", at: titleLocation))
            }
            return (nil, diagnostics)
        }
        var frontMatter = FrontMatter(
            title: title, part: part, chapter: chapter, order: order, seed: seed, timeout: timeout,
            rawText: rawText, lines: lines)
        frontMatter.deadline = deadline
        frontMatter.latePenaltyPerDay = latePenalty
        frontMatter.macros = macros
        return (Diagnostic.containsError(diagnostics) ? nil : frontMatter, diagnostics)
    }

    private func typeError(_ key: String, _ expected: String, _ node: Node) -> Diagnostic {
        Diagnostic(
            .error, "front-matter.type", "front matter '\(key)' must be \(expected)", at: location(of: node))
    }
}
