public import LessonModel
import Yams

/// Reads `lessons.yml`: the course title, authors, language, site URL, description and outline, each checked,
/// every problem reported at its `file:line:column`.
///
///     title: Generative Models and Approximate Inference
///     authors: [Ada Lovelace, Alan Turing]
///     language: en
///     url: https://example.org/course/
///     reference: true        # the LessonKit reference pages on the site (default)
///     outline:
///       - part: "Part I: Generative Models"
///         lessons: [01-generative-models, 02-autoregressive-models]
public enum CourseSettingsParser {
    /// The keys `lessons.yml` may have; anything else is a warning.
    public static let knownKeys: [String] = ["title", "authors", "language", "url", "description", "outline", "reference"]

    /// Parses `text`, the contents of the settings file shown as `file`.
    /// - Returns: the settings (nil when an error makes them unusable) and every problem found.
    public static func parse(_ text: String, file: String = CourseSettings.fileName) -> (CourseSettings?, [Diagnostic]) {
        var problems = CourseSettingsProblems(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
            return (nil, duplicates.sorted().map { key in
                problems.duplicateKey(key, in: text, fallback: context.mark)
            })
        } catch let error as YamlError {
            return (nil, [problems.yamlError(error)])
        } catch {
            return (nil, [Diagnostic(.error, "settings.yaml", "invalid YAML: \(error)", at: problems.start)])
        }
        guard let root else {
            return (nil, [Diagnostic(.error, "settings.missing-title",
                "\(file) is empty: it needs at least 'title: Your course title'", at: problems.start)])
        }
        guard let mapping = root.mapping else {
            return (nil, [problems.error("settings.not-mapping",
                "\(file) must be a YAML mapping of keys to values (title: ..., authors: ...)", at: root)])
        }
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                problems.add(.error, "settings.key", "keys must be plain words such as 'title'", at: keyNode)
                continue
            }
            if values[key] != nil {
                problems.add(.error, "settings.duplicate-key", "'\(key)' is given twice", at: keyNode)
            }
            values[key] = value
            if !knownKeys.contains(key) {
                problems.add(.warning, "settings.unknown-key",
                    "unknown key '\(key)' (known keys: \(knownKeys.joined(separator: ", ")))", at: keyNode)
            }
        }

        let title = values["title"].flatMap { problems.string($0, key: "title") }
        if values["title"] == nil {
            problems.diagnostics.append(Diagnostic(.error, "settings.missing-title",
                "\(file) has no 'title' (the course title shown on every page)", at: problems.start))
        } else if let title, title.allSatisfy(\.isWhitespace) {
            problems.add(.error, "settings.type", "'title' must not be empty", at: values["title"]!)
        }
        var authors: [String] = []
        if let node = values["authors"] {
            if let single = node.scalar?.string {
                authors = [single]
            } else if let sequence = node.sequence {
                authors = sequence.compactMap { problems.string($0, key: "authors") }
            } else {
                problems.add(.error, "settings.type", "'authors' must be a name or a list of names", at: node)
            }
        }
        var language = "en"
        if let node = values["language"], let value = problems.string(node, key: "language") {
            if isLanguageTag(value) {
                language = value
            } else {
                problems.add(.error, "settings.language",
                    "'language' must be a language tag such as en, de or pt-BR (got '\(value)')", at: node)
            }
        }
        var siteURL: String?
        if let node = values["url"], let value = problems.string(node, key: "url") {
            if isWebAddress(value) {
                siteURL = value
            } else {
                problems.add(.error, "settings.url",
                    "'url' must be the address the site is published at, starting with https:// or http:// "
                        + "(got '\(value)')", at: node)
            }
        }
        let description = values["description"].flatMap { problems.string($0, key: "description") }
        let outline = values["outline"].map { problems.outline($0) }
        var includesReference = true
        if let node = values["reference"] {
            switch node.scalar?.string {
            case "true": includesReference = true
            case "false": includesReference = false
            default:
                problems.add(.error, "settings.type",
                    "'reference' must be true or false (whether the site has the LessonKit reference pages)", at: node)
            }
        }

        guard let title, !Diagnostic.containsError(problems.diagnostics) else { return (nil, problems.diagnostics) }
        var settings = CourseSettings(
            title: title, authors: authors, language: language, siteURL: siteURL, description: description,
            outline: outline)
        settings.includesReference = includesReference
        return (settings, problems.diagnostics)
    }

    /// `en`, `de-CH`, `zh-Hant-TW`: letters, then subtags of letters and digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (2...8).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// An absolute http(s) address with a host and no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        for scheme in ["https://", "http://"] where text.lowercased().hasPrefix(scheme) {
            let rest = text.dropFirst(scheme.count)
            return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: \.isWhitespace)
        }
        return false
    }
}
