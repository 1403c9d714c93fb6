/// Cross-references in a lesson's prose, in the spirit of Quarto: `@fig-<cell id>` (the first figure that cell
/// draws, "Figure N"), `@tbl-<cell id>` (the first table it shows, "Table N") and `@eq-<key>` (the display
/// equation with `\label{eq:<key>}`, `\label{eq-<key>}` or `\label{<key>}`, "Equation (N)"). `@fig:<cell id>`,
/// the older spelling, is a figure reference too. Numbers count per lesson, in page order.
///
/// A reference is an `@` that does not follow a letter, digit, `_` or `.` (so an e-mail address is none),
/// outside code spans and fenced code blocks; its name is letters, digits, `-` and `_`, without a trailing `-`
/// or `_` (punctuation).
enum CrossReferences {
    /// What a reference points at.
    enum Kind: String, CaseIterable, Sendable {
        case figure = "fig", table = "tbl", equation = "eq"
    }

    /// A reference, where it is in the prose (1-based line and column), and the label it names (`fig-gap-plot`).
    struct Reference: Equatable, Sendable {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        var label: String { "\(kind.rawValue)-\(name)" }
    }

    /// A numbered target: its number as shown and the id of its element on the page.
    struct Target: Equatable, Sendable {
        var number: String
        var anchor: String
    }

    /// The placeholder that stands for reference `n` until the targets are numbered.
    static func placeholder(_ n: Int) -> String { "LESSONSXREF\(n)X" }
    static let placeholderPrefix = "LESSONSXREF"

    /// `prose` with each reference replaced by its placeholder, and the references in order.
    static func extract(from prose: String) -> (String, [Reference]) {
        let scan = scan(prose, citations: false)
        return (scan.text, scan.references)
    }

    /// What ``scan(_:citations:)`` finds: the prose with placeholders, the cross-references and the citations.
    struct Scan {
        var text: String
        var references: [Reference]
        var citations: [Citations.Citation]
    }

    /// `prose` with each reference (and, with `citations`, each citation: ``Citations``) replaced by its
    /// placeholder, and both in order; with `keepingText: false` the text stays empty (`lessons check` needs only
    /// the references).
    ///
    /// A line without `@` (and, with `citations`, without `[`) can hold neither, and one without `` ` `` and `~`
    /// neither opens nor closes a fence: a line with none of them is copied as it is, by its bytes. Most lines of
    /// a long lesson are such lines (`shortcut: false` reads every line the long way, for tests).
    static func scan(_ prose: String, citations: Bool, shortcut: Bool = true, keepingText: Bool = true) -> Scan {
        var result = ""
        var references: [Reference] = []
        var found: [Citations.Citation]? = citations ? [] : nil
        var fence: String?
        let lines = ProseLines(prose)
        var index = 0
        while index < lines.count {
            if keepingText, index > 0 { result += "\n" }
            if shortcut, lines.isPlain(index, citations: citations) {
                if keepingText { result += lines[index] }
                index += 1
                continue
            }
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                if keepingText { result += line }
                index += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                if keepingText { result += line }
                index += 1
                continue
            }
            if shortcut, !line.utf8.contains(UInt8(ascii: "@")), !citations || !line.utf8.contains(UInt8(ascii: "[")) {
                if keepingText { result += line }
                index += 1
                continue
            }
            // A bracket left open at the end of a line (a citation the text wraps) is read with the lines after it,
            // up to three, joined by a marker that stands for the line break and goes back to one afterwards.
            var joined = String(line)
            var last = index
            while citations, last + 1 < lines.count, last - index < 2, opensBracket(joined),
                !lines[last + 1].allSatisfy({ $0 == " " }), !lines[last + 1].drop(while: { $0 == " " }).hasPrefix("```")
            {
                last += 1
                joined += String(Citations.lineBreak) + lines[last]
            }
            let replaced = replace(in: joined[...], lineNumber: index + 1, into: &references, citations: &found)
            if keepingText { result += replaced.replacingOccurrences(of: String(Citations.lineBreak), with: "\n") }
            index = last + 1
        }
        return Scan(text: result, references: references, citations: found ?? [])
    }

    /// Whether `line` ends with a `[` not closed, outside code spans.
    private static func opensBracket(_ line: String) -> Bool {
        var depth = 0
        var inCode = false
        for character in line {
            if character == "`" { inCode.toggle() }
            if inCode { continue }
            if character == "[" { depth += 1 } else if character == "]", depth > 0 { depth -= 1 }
        }
        return depth > 0
    }

    private static func replace(
        in line: Substring, lineNumber: Int, into references: inout [Reference], citations: inout [Citations.Citation]?
    ) -> String {
        let characters = Array(line)
        // Line and column of `characters[at]`, counting the joined line breaks.
        func position(_ at: Int) -> (line: Int, column: Int) {
            let breaks = characters[..<at].indices.filter { characters[$0] == Citations.lineBreak }
            return (lineNumber + breaks.count, at - (breaks.last.map { $0 + 1 } ?? 0) + 1)
        }
        var out = ""
        var inCode = false
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character == "`" { inCode.toggle() }
            if !inCode, citations != nil,
                let (citation, end) = character == "[" ? Citations.bracketed(characters, at: i, line: lineNumber)
                    : character == "@" ? Citations.narrative(characters, at: i, line: lineNumber) : nil
            {
                var placed = citation
                for k in placed.items.indices {
                    (placed.items[k].line, placed.items[k].column) = position(placed.items[k].column - 1)
                }
                // The line breaks it spans follow it, so that every later line keeps its number.
                out += Citations.placeholder(citations!.count)
                    + String(repeating: String(Citations.lineBreak), count: characters[i..<end].filter { $0 == Citations.lineBreak }.count)
                citations!.append(placed)
                i = end
                continue
            }
            if character == "@", !inCode, i == 0 || !isNameCharacter(characters[i - 1]) && characters[i - 1] != ".",
                let (kind, nameStart) = kindAfter(characters, at: i + 1)
            {
                var end = nameStart
                while end < characters.count, isNameCharacter(characters[end]) { end += 1 }
                while end > nameStart, characters[end - 1] == "-" || characters[end - 1] == "_" { end -= 1 }
                if end > nameStart {
                    out += placeholder(references.count)
                    let (line, column) = position(i)
                    references.append(Reference(kind: kind, name: String(characters[nameStart..<end]), line: line, column: column))
                    i = end
                    continue
                }
            }
            out.append(character)
            i += 1
        }
        return out
    }

    /// The kind named at `start` (`fig-`, `tbl-`, `eq-`, or `fig:`) and where the name begins.
    private static func kindAfter(_ characters: [Character], at start: Int) -> (Kind, Int)? {
        for kind in Kind.allCases {
            let separators: [Character] = kind == .figure ? ["-", ":"] : ["-"]
            let prefix = Array(kind.rawValue)
            guard start + prefix.count < characters.count, Array(characters[start..<start + prefix.count]) == prefix,
                separators.contains(characters[start + prefix.count]) else { continue }
            return (kind, start + prefix.count + 1)
        }
        return nil
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// The label by which `@eq-…` cites an equation with `\label{key}`: `eq-` and the key without an `eq:` or
    /// `eq-` prefix.
    static func equationLabel(forKey key: String) -> String {
        let bare = key.hasPrefix("eq:") || key.hasPrefix("eq-") ? String(key.dropFirst(3)) : key
        return "eq-" + bare
    }

    /// Each reference's HTML (a link to its target), and the references whose label names no target.
    static func resolve(_ references: [Reference], targets: [String: Target]) -> (html: [String], unresolved: [Reference]) {
        var unresolved: [Reference] = []
        let html = references.map { reference -> String in
            guard let target = targets[reference.label] else {
                unresolved.append(reference)
                switch reference.kind {
                case .figure: return "Figure ?"
                case .table: return "Table ?"
                case .equation: return "Equation (?)"
                }
            }
            switch reference.kind {
            case .figure: return "<a class=\"figure-ref\" href=\"#\(target.anchor)\">Figure \(target.number)</a>"
            case .table: return "<a class=\"table-ref\" href=\"#\(target.anchor)\">Table \(target.number)</a>"
            case .equation: return "<a class=\"eqref\" href=\"#\(target.anchor)\">Equation (\(target.number))</a>"
            }
        }
        return (html, unresolved)
    }

    /// What an unresolved reference is told.
    static func problem(_ reference: Reference) -> String {
        switch reference.kind {
        case .figure: "@\(reference.label) refers to no figure: no cell with id '\(reference.name)' draws one"
        case .table: "@\(reference.label) refers to no table: no cell with id '\(reference.name)' shows one"
        case .equation: "@\(reference.label) refers to no equation: no display equation has \\label{eq:\(reference.name)}"
        }
    }
}
