import Foundation
import LessonModel
import CMarkSupport

/// Pipe tables in a lesson's prose (GitHub's syntax, which libcmark does not read), with an optional caption and
/// label in Quarto's syntax on the line after the table (a blank line between is allowed):
///
///     | direction  | Bishop  | Murphy    |
///     |------------|:-------:|:---------:|
///     | KL(q ‖ p)  | forward | reverse   |
///
///     : The names of the two directions {#tbl-kl-names}
///
/// A table is a header row, a delimiter row (`---`, `:--`, `:-:`, `--:` per column) and the rows after it that
/// have a `|`; cells split at each `|` outside code spans (`\|` is a literal bar) and are inline Markdown. Each
/// table becomes a placeholder paragraph; the page numbers it with the cells' output tables, in page order, and
/// `@tbl-<name>` cites a labelled one.
enum PipeTables {
    /// A table found in the prose.
    struct Table: Equatable {
        /// The name in `{#tbl-<name>}`, if the caption has one.
        var label: String?
        /// The caption's HTML (without "Table N"), if there is a caption.
        var caption: String?
        /// `<thead>…</tbody>`: the rows, without the `<table>` element around them.
        var rows: String
    }

    static let placeholderPrefix = "LESSONSPTABLE"

    /// `markdown` with each table (and its caption line) replaced by a placeholder paragraph, and the tables in
    /// order. Lines in fenced code and indented code are left alone.
    static func extract(from markdown: String) -> (String, [Table]) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Substring] = []
        var tables: [Table] = []
        var fence: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                out.append(line)
                index += 1
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                out.append(line)
                index += 1
                continue
            }
            guard line.count - trimmed.count < 4, trimmed.contains("|"), index + 1 < lines.count,
                let header = Optional(cells(of: line)), let alignments = delimiter(lines[index + 1]),
                alignments.count == header.count
            else {
                out.append(line)
                index += 1
                continue
            }
            var body: [[String]] = []
            var next = index + 2
            while next < lines.count, lines[next].contains("|"), !lines[next].allSatisfy({ $0 == " " }) {
                body.append(cells(of: lines[next]))
                next += 1
            }
            var table = Table(label: nil, caption: nil, rows: rowsHTML(header: header, body: body, alignments: alignments))
            // `: Caption {#tbl-name}`, right after the table or after one blank line.
            let captionLine = next < lines.count && lines[next].isEmpty ? next + 1 : next
            if captionLine < lines.count, let (caption, label) = caption(lines[captionLine]) {
                table.caption = inline(caption)
                table.label = label
                next = captionLine + 1
            }
            out += ["", Substring(placeholder(tables.count)), ""]
            tables.append(table)
            index = next
        }
        return (out.joined(separator: "\n"), tables)
    }

    static func placeholder(_ n: Int) -> String { "\(placeholderPrefix)\(n)X" }

    /// The names of every `{#tbl-<name>}` caption in `markdown` (for `lessons check`).
    ///
    /// Only a line that starts with `:` can be a caption; the others are passed over by their bytes (a line feed
    /// is a Character of its own, so byte lines are Character lines unless a carriage return joins one).
    static func labels(in markdown: String) -> [String] {
        // The offsets of the lines that start with `:`, and where each ends, by a loop over the bytes.
        var text = markdown
        let found = text.withUTF8 { bytes -> [Range<Int>]? in
            guard !bytes.contains(0x0D) else { return nil }
            // Without carriage returns, every break is a line feed; a line ends before the next one.
            let starts = [0] + bytes.lineBreakEnds()
            return starts.indices.compactMap { index in
                let start = starts[index]
                guard start < bytes.count, bytes[start] == 0x3A else { return nil }
                return start..<(index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count)
            }
        }
        guard let captionLines = found else {
            return markdown.lines(omittingEmptySubsequences: true).compactMap { caption($0)?.1 }
        }
        let utf8 = markdown.utf8
        return captionLines.compactMap { line in
            let start = utf8.index(utf8.startIndex, offsetBy: line.lowerBound)
            return caption(Substring(utf8[start..<utf8.index(start, offsetBy: line.count)]))?.1
        }
    }

    /// The caption text and label of a caption line, `: text {#tbl-name}`.
    static func caption(_ line: Substring) -> (text: String, label: String?)? {
        guard line.hasPrefix(": ") else { return nil }
        var text = line.dropFirst(2).trimmingWhitespace()
        var label: String?
        if text.hasSuffix("}"), let open = text.range(of: "{#tbl-", options: .backwards) {
            let name = text[open.upperBound..<text.index(before: text.endIndex)]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                label = String(name)
                text = text[..<open.lowerBound].trimmingWhitespace()
            }
        }
        return (String(text), label)
    }

    /// The alignment of each column (`left`, `center`, `right` or nil) if `line` is a delimiter row.
    static func delimiter(_ line: Substring) -> [String?]? {
        let parts = cells(of: line)
        guard !parts.isEmpty else { return nil }
        var alignments: [String?] = []
        for part in parts {
            let dashes = part.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (part.hasPrefix(":"), part.hasSuffix(":")) {
            case (true, true): alignments.append("center")
            case (false, true): alignments.append("right")
            case (true, false): alignments.append("left")
            default: alignments.append(nil)
            }
        }
        return alignments
    }

    /// The cells of a row: split at `|` outside code spans, without the outer bars, trimmed; `\|` is a bar.
    static func cells(of line: Substring) -> [String] {
        var row = line.trimmingWhitespace()
        if row.hasPrefix("|") { row = row.dropFirst() }
        if row.hasSuffix("|"), !row.hasSuffix("\\|") { row = row.dropLast() }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var escaped = false
        for character in row {
            if escaped {
                current += character == "|" ? "|" : "\\\(character)"
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "`" {
                inCode.toggle()
                current.append(character)
            } else if character == "|", !inCode {
                cells.append(String(current[...].trimmingWhitespace()))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(String(current[...].trimmingWhitespace()))
        return cells
    }

    private static func rowsHTML(header: [String], body: [[String]], alignments: [String?]) -> String {
        func row(_ cells: [String], tag: String) -> String {
            let padded = (0..<alignments.count).map { $0 < cells.count ? cells[$0] : "" }
            return "<tr>" + zip(padded, alignments).map { cell, alignment in
                let align = alignment.map { " class=\"align-\($0)\"" } ?? ""
                // An empty corner is a data cell, not a header without a name (as in the cells' tables).
                let kind = tag == "th" && cell.isEmpty ? "td" : tag
                return "<\(kind)\(align)>\(inline(cell))</\(kind)>"
            }.joined() + "</tr>"
        }
        var html = "<thead>" + row(header, tag: "th") + "</thead>"
        if !body.isEmpty { html += "<tbody>" + body.map { row($0, tag: "td") }.joined() + "</tbody>" }
        return html
    }

    /// Inline Markdown as HTML, without the paragraph libcmark puts around it.
    static func inline(_ markdown: String) -> String {
        var html = MarkdownHTML.render(markdown)
        if html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}
