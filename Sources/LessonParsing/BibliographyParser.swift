public import LessonModel
import Yams

/// Reads `Lessons/references.yml`, the works the lessons cite, each under its citation key; every problem is
/// reported at its `file:line:column`.
///
///     kingma2014vae:
///       authors: Kingma, D. P. and Welling, M.      # or a list: [Kingma, D. P.] is one author
///       year: 2014
///       title: Auto-encoding variational Bayes
///       venue: ICLR 2014
///       url: https://arxiv.org/abs/1312.6114        # or doi: 10.…/… (linked as https://doi.org/…)
public enum BibliographyParser {
    /// The fields a work may have; `authors`, `year` and `title` are required.
    public static let knownFields = ["authors", "year", "title", "venue", "doi", "url"]

    /// Parses `text`, the contents of the references file shown as `file`.
    public static func parse(_ text: String, file: String = Bibliography.fileName) -> (Bibliography, [Diagnostic]) {
        var problems = CourseSettingsProblems(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            return (Bibliography(), duplicates.sorted().map { key in
                var diagnostic = problems.duplicateKey(key, in: text, fallback: context.mark)
                diagnostic.identifier = "references.duplicate-key"
                return diagnostic
            })
        } catch let error as YamlError {
            var diagnostic = problems.yamlError(error)
            diagnostic.identifier = "references.yaml"
            return (Bibliography(), [diagnostic])
        } catch {
            return (Bibliography(), [Diagnostic(.error, "references.yaml", "invalid YAML: \(error)", at: problems.start)])
        }
        guard let root else { return (Bibliography(), []) }
        guard let mapping = root.mapping else {
            return (Bibliography(), [problems.error("references.not-mapping",
                "\(file) must map each citation key to its work (kingma2014vae: {authors: ..., year: ..., title: ...})",
                at: root)])
        }
        var works: [Bibliography.Work] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string, isKey(key) else {
                problems.add(.error, "references.key",
                    "a citation key is letters, digits and _ - : . (starting with a letter or digit), e.g. kingma2014vae",
                    at: keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                problems.add(.error, "references.duplicate-key", "'\(key)' is given twice", at: keyNode)
                continue
            }
            if let work = Self.work(key, value, at: problems.location(of: keyNode), problems: &problems) {
                works.append(work)
            }
        }
        return (Bibliography(works: works), problems.diagnostics)
    }

    /// Whether `text` can be cited as `@text`: a letter or digit, then letters, digits and `_ - : .`, not ending in
    /// punctuation.
    public static func isKey(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first.isASCII, first.isLetter || first.isNumber,
            last.isASCII, last.isLetter || last.isNumber || last == "_"
        else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-:.".contains($0)) }
    }

    private static func work(
        _ key: String, _ node: Node, at location: SourceLocation, problems: inout CourseSettingsProblems
    ) -> Bibliography.Work? {
        guard let fields = node.mapping else {
            problems.add(.error, "references.work", "'\(key)' must be a mapping with authors, year and title", at: node)
            return nil
        }
        var values: [String: Node] = [:]
        for (fieldNode, value) in fields {
            guard let field = fieldNode.string, knownFields.contains(field) else {
                problems.add(.error, "references.unknown-field",
                    "unknown field '\(fieldNode.string ?? "?")' (a work has \(knownFields.joined(separator: ", ")))",
                    at: fieldNode)
                continue
            }
            values[field] = value
        }
        func text(_ field: String) -> String? {
            guard let value = values[field] else { return nil }
            guard let scalar = value.scalar, !scalar.string.allSatisfy(\.isWhitespace) else {
                problems.add(.error, "references.type", "'\(field)' of '\(key)' must be text", at: value)
                return nil
            }
            return scalar.string
        }
        var authors: [Bibliography.Author] = []
        if let node = values["authors"] {
            if let sequence = node.sequence {
                authors = sequence.compactMap { $0.scalar?.string }.map(Bibliography.Author.init)
            } else if let written = node.scalar?.string {
                authors = written.components(separatedBy: " and ").map(Bibliography.Author.init)
            }
            if authors.isEmpty || authors.contains(where: { $0.family.isEmpty }) {
                problems.add(.error, "references.type",
                    "'authors' of '\(key)' must be names 'Family, Given' joined by ' and ', or a list of them", at: node)
                authors = []
            }
        }
        let year = text("year"), title = text("title"), venue = text("venue") ?? ""
        let doi = text("doi"), url = text("url")
        for (field, present) in [("authors", !authors.isEmpty || values["authors"] != nil), ("year", values["year"] != nil),
                                 ("title", values["title"] != nil)] where !present
        {
            problems.add(.error, "references.missing-field", "'\(key)' has no '\(field)'", at: node)
        }
        if let doi, !(doi.hasPrefix("10.") && doi.contains("/")) || doi.contains(" ") {
            problems.add(.error, "references.doi",
                "'doi' of '\(key)' must be a DOI such as 10.1080/01621459.2017.1285773 (without https://doi.org/)",
                at: values["doi"]!)
        }
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
            problems.add(.error, "references.url", "'url' of '\(key)' must be an address starting with https://",
                at: values["url"]!)
        }
        guard !authors.isEmpty, let year, let title else { return nil }
        return Bibliography.Work(key: key, authors: authors, year: year, title: title, venue: venue, doi: doi, url: url,
            location: location)
    }
}
