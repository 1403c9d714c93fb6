import Foundation

/// Citations in a lesson's prose, written as in Pandoc and Quarto and looked up in the course's references file:
///
///     [@kingma2014vae]                         (Kingma & Welling, 2014)
///     [@blei2017vi; @ranganath2014bbvi]        (Blei et al., 2017; Ranganath et al., 2014)
///     [CAVI, @blei2017vi, Algorithm 2]         (CAVI, Blei et al., 2017, Algorithm 2)
///     @ng2002discriminative compared …         Ng & Jordan (2002) compared …
///     @bishop2006pattern [section 10.1]        Bishop (2006, section 10.1)
///
/// Each author–year is a link to the work's entry in the lesson's References list. A bracket counts as a citation
/// only when each of its `;`-separated parts has exactly one `@key` and it is not a link (`[…](…)`); it may go on
/// over the next two lines; `\@` is a literal `@`. Keys are letters, digits and `_`, with `-`, `:` and `.` inside.
enum Citations {
    /// One cited work inside a citation, with the text around it and where its `@` is (1-based line and column).
    struct Item: Equatable, Sendable {
        var prefix: String
        var key: String
        var suffix: String
        var line: Int
        var column: Int
    }

    /// A citation: one or more works in brackets, or one work named in the sentence (`narrative`).
    struct Citation: Equatable, Sendable {
        var items: [Item]
        var narrative: Bool
    }

    /// Stands for a line break inside a bracket that the text wraps (``CrossReferences/scan(_:citations:)`` joins
    /// such lines); a space inside a citation.
    static let lineBreak: Character = "\u{1}"

    /// The placeholder that stands for citation `n` until the lesson's reference list is known.
    static func placeholder(_ n: Int) -> String { "\(placeholderPrefix)\(n)X" }
    static let placeholderPrefix = "LESSONSCITE"

    /// The bracketed citation that opens at `characters[start]` (a `[`) on line `line`, and the index after its `]`.
    static func bracketed(_ characters: [Character], at start: Int, line: Int) -> (Citation, Int)? {
        guard characters[start] == "[" else { return nil }
        var end = start + 1
        while end < characters.count, characters[end] != "]" {
            if characters[end] == "[" || characters[end] == "`" { return nil }
            end += 1
        }
        // `]` closes it on this line, and no `(` or `[` makes it a link.
        guard end < characters.count, end + 1 >= characters.count || !"([".contains(characters[end + 1]) else { return nil }
        var items: [Item] = []
        var partStart = start + 1
        for partEnd in (start + 1...end) where partEnd == end || characters[partEnd] == ";" {
            let part = Array(characters[partStart..<partEnd])
            let ats = part.indices.filter { part[$0] == "@" && ($0 == 0 || part[$0 - 1] == " " || part[$0 - 1] == lineBreak) }
            guard ats.count == 1, let at = ats.first, let keyEnd = keyEnd(part, from: at + 1),
                !isCrossReference(part, at: at + 1)
            else { return nil }
            items.append(Item(
                prefix: spaced(part[..<at]),
                key: String(part[(at + 1)..<keyEnd]),
                suffix: spaced(part[keyEnd...]),
                line: line, column: partStart + at + 1))
            partStart = partEnd + 1
        }
        return (Citation(items: items, narrative: false), end + 1)
    }

    /// The citation `@key` whose `@` is `characters[start]`, and the index after its key; nil for a cross-reference
    /// (`@fig-…`), an escaped `\@`, an `@` inside a word or address, or one opening a link's text (`[@…](…)`).
    static func narrative(_ characters: [Character], at start: Int, line: Int) -> (Citation, Int)? {
        guard characters[start] == "@" else { return nil }
        if start > 0 {
            let previous = characters[start - 1]
            if "\\.-/:[".contains(previous) || previous.isLetter || previous.isNumber || previous == "_" { return nil }
        }
        guard !isCrossReference(characters, at: start + 1), let end = keyEnd(characters, from: start + 1) else { return nil }
        var item = Item(prefix: "", key: String(characters[(start + 1)..<end]), suffix: "", line: line, column: start + 1)
        // `@key [section 2]`: a locator in brackets right after the key.
        if end + 1 < characters.count, characters[end] == " ", characters[end + 1] == "[",
            let close = characters[(end + 2)...].firstIndex(where: { "]@[`".contains($0) }), characters[close] == "]",
            close + 1 >= characters.count || !"([".contains(characters[close + 1])
        {
            item.suffix = String(characters[(end + 2)..<close]).trimmingCharacters(in: .whitespaces)
            return (Citation(items: [item], narrative: true), close + 1)
        }
        return (Citation(items: [item], narrative: true), end)
    }

    /// `text` with joined line breaks as spaces, trimmed.
    private static func spaced(_ text: ArraySlice<Character>) -> String {
        String(text.map { $0 == lineBreak ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// What an item whose key the references file lacks is told.
    static func problem(_ item: Item, narrative: Bool, file: String) -> String {
        let written = narrative ? "@\(item.key)" : "[@\(item.key)]"
        return "\(written) cites no work: '\(item.key)' is not a key of \(file)"
            + (narrative ? " (write \\@ for a literal @)" : "")
    }

    /// Where the key starting at `start` ends: it starts with a letter or digit; `-`, `:` and `.` only inside.
    static func keyEnd(_ characters: [Character], from start: Int) -> Int? {
        guard start < characters.count, characters[start].isASCII, characters[start].isLetter || characters[start].isNumber
        else { return nil }
        var end = start
        while end < characters.count, characters[end].isASCII,
            characters[end].isLetter || characters[end].isNumber || "_-:.".contains(characters[end])
        {
            end += 1
        }
        while end > start, "-:.".contains(characters[end - 1]) { end -= 1 }
        return end
    }

    /// Whether the name at `start` is a cross-reference label (`fig-`, `fig:`, `tbl-`, `eq-`), which is not a key.
    static func isCrossReference(_ characters: [Character], at start: Int) -> Bool {
        let rest = String(characters[start..<min(characters.count, start + 4)])
        return rest.hasPrefix("fig-") || rest.hasPrefix("fig:") || rest.hasPrefix("tbl-") || rest.hasPrefix("eq-")
    }
}
