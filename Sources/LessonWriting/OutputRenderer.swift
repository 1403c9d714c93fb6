public import LessonModel

/// Renders a cell's output as the Markdown lines of its generated block (without line terminators).
///
/// Text goes in fenced blocks (`output`, `stderr`, `error`) whose fence is longer than any backtick run in
/// the text; figures become image links to their SVG files; tables become single-block HTML tables.
public enum OutputRenderer {
    /// The block's lines, from the begin marker to the end marker.
    public static func lines(
        for output: CellOutput, cell: CodeCell, lesson: String, hash: String
    ) -> [String] {
        var lines: [String] = []
        var figureNumber = 0
        var items = output.items
        if case .notRun(let reason) = output.outcome, items.isEmpty { items = [.error(reason)] }
        for item in items {
            var itemLines: [String]
            switch item {
            case .standardOutput(let text), .value(let text):
                itemLines = fenced(text, info: "output")
            case .standardError(let text):
                itemLines = fenced(text, info: "stderr")
            case .error(let text):
                itemLines = fenced(text, info: "error")
            case .figure(_, let caption):
                figureNumber += 1
                let path = FigurePath.relative(lesson: lesson, cellId: cell.id, number: figureNumber)
                let alt = caption ?? cell.options.caption ?? "Figure \(figureNumber) of cell \(cell.id)"
                itemLines = ["![\(escapeAlt(alt))](\(path))"]
            case .table(let columns, let rows):
                itemLines = table(columns: columns, rows: rows)
            }
            guard !itemLines.isEmpty else { continue }
            lines.append("")
            lines += itemLines
        }
        if !lines.isEmpty { lines.append("") }
        let marker = OutputMarker(
            id: cell.id, hash: hash, status: output.outcome.markerStatus, inputs: output.inputs,
            content: OutputMarker.contentHash(of: lines.map(\.utf8)))
        return [marker.beginLine] + lines + [OutputMarker.endLine]
    }

    /// A fenced block of `text` as a terminal shows it (``TerminalText``; one trailing newline dropped; nothing for
    /// empty text).
    public static func fenced(_ text: String, info: String) -> [String] {
        var body = TerminalText.shown(text)
        if body.hasSuffix("\n") { body.removeLast() }
        guard !body.isEmpty else { return [] }
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: body) + 1))
        return [fence + info] + body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    }

    public static func table(columns: [String], rows: [[String]]) -> [String] {
        var lines = ["<table>"]
        lines.append("<thead><tr>" + columns.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for row in rows {
            lines.append("<tr>" + row.map { "<td>\(escapeHTML($0))</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody>")
        lines.append("</table>")
        return lines
    }

    /// A table cell's text: HTML-escaped, line breaks as `<br>` (an HTML block must not contain empty lines).
    static func escapeHTML(_ text: String) -> String {
        HTMLText.escape(TerminalText.shown(text)).split(omittingEmptySubsequences: false) { $0 == "\n" }
            .joined(separator: "<br>")
    }

    static func escapeAlt(_ text: String) -> String {
        var result = ""
        for character in TerminalText.shown(text) {
            switch character {
            case "[", "]", "\\": result += "\\" + String(character)
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == 0x60 { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        return longest
    }
}

