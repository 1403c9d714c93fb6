import LessonModel

/// The HTML of one cell on its page: its code (highlighted, without `//|` option lines, unless `echo: false`)
/// and its outputs (text, tables, figures), with exercise and test cells marked with their points.
struct CellRenderer {
    var figures: FigureInliner
    /// Points of each exercise (from its test cells when the exercise cell does not say).
    var exercisePoints: [String: Double] = [:]

    mutating func html(for cell: CodeCell, outputMarkdown: String?) -> String {
        var classes = ["cell"]
        var badge = ""
        if let exercise = cell.options.exercise {
            classes.append("exercise")
            let points = (cell.options.points ?? exercisePoints[exercise]).map { " · \(Self.format($0)) points" } ?? ""
            badge = "<div class=\"badge\">\(cell.options.manual ? "Written answer" : "Exercise") <code>\(HTMLText.escape(exercise))</code>\(points)</div>"
        } else if let test = cell.options.test {
            classes.append("test")
            let points = cell.options.points.map { " · \(Self.format($0)) points" } ?? ""
            badge = "<div class=\"badge\">Test of <code>\(HTMLText.escape(test))</code>\(points)</div>"
        }
        var html = "<section class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.id)\">\(badge)"
        if cell.options.echo {
            let code = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.hasPrefix("//|") }.joined(separator: "\n")
            let trimmed = code.hasSuffix("\n") ? String(code.dropLast()) : code
            html += "<div class=\"code\"><button class=\"copy\" type=\"button\" aria-label=\"Copy code\">Copy</button>"
                + "<pre><code class=\"language-swift\">\(SwiftHighlighter.html(trimmed))</code></pre></div>"
        }
        if let outputMarkdown, !outputMarkdown.isEmpty {
            html += "<div class=\"output\">\(figures.inline(in: MarkdownHTML.render(outputMarkdown), caption: cell.options.caption, cell: cell.id))</div>"
        }
        return html + "</section>"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

import CMarkSupport
