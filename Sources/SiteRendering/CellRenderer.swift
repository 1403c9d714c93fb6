import Foundation
import CMarkSupport
import Grading
import LessonModel

/// The HTML of one cell on its page: a header (what the cell is, its points, Wrap and Copy buttons), its code
/// (highlighted, without `//|` option lines, unless `echo: false`) and its outputs (text, tables, figures).
///
/// Two kinds of cell read as prose rather than code: a hidden test (the student copy keeps no code) is one line,
/// "Hidden test of `x` · 2 points — runs when graded"; a written-answer question's leading `//` comment is its
/// question, rendered as a paragraph.
struct CellRenderer {
    var figures: FigureInliner
    /// Points of each exercise (from its test cells when the exercise cell does not say).
    var exercisePoints: [String: Double] = [:]
    /// The students' guide to exercises (a page path without `.html`): the page's first exercise links to it.
    var exerciseGuide: String?
    /// Whether a cell of this page links the guide already (only the first exercise does).
    var guideLinked = false
    /// Typesets the math of written-answer prompts (the lesson's macros and equation numbers).
    var typesetter = TeXTypesetter()
    /// Formulas in prompts that did not typeset: (cell, message).
    private(set) var promptProblems: [(cell: CodeCell, message: String)] = []
    /// Tables shown so far on the page (they are numbered in page order, "Table N").
    private(set) var tableCount = 0
    /// The number of the first table each cell shows, by cell id (what `@tbl-<cell id>` cites).
    private(set) var firstTable: [String: Int] = [:]

    mutating func html(for cell: CodeCell, outputMarkdown: String?) -> String {
        let code = Self.visibleCode(cell.source)
        var classes = ["cell"]
        var label = "Swift"
        var question = ""
        var shownCode = code
        if let exercise = cell.options.exercise {
            classes.append("exercise")
            let points = (cell.options.points ?? exercisePoints[exercise]).map { " · " + Self.points($0) } ?? ""
            label = "\(cell.options.manual ? "Written answer" : "Exercise") <code>\(HTMLText.escape(exercise))</code>\(points)"
            if cell.options.manual {
                let (text, rest) = Self.leadingComment(code)
                if !text.isEmpty {
                    let (prompt, problems) = PromptMarkdown.html(text, typesetter: typesetter)
                    promptProblems += problems.map { (cell, $0) }
                    question = "<div class=\"question\">\(prompt)</div>"
                }
                shownCode = rest
            }
        } else if let test = cell.options.test {
            classes.append("test")
            let points = cell.options.points.map { " · " + Self.points($0) } ?? ""
            // A cell that held only hidden tests keeps nothing but the note that they run when graded.
            let onlyHidden = code.split(separator: "\n").allSatisfy {
                let line = $0.trimmingCharacters(in: .whitespaces)
                return line.isEmpty || line == StudentCopy.hiddenTestsNote
            }
            if cell.options.echo && onlyHidden {
                return "<p class=\"cell hidden-test\" id=\"cell-\(cell.id)\">Hidden test of <code>\(HTMLText.escape(test))</code>"
                    + "\(points) — runs when graded</p>"
            }
            label = "Test of <code>\(HTMLText.escape(test))</code>\(points)"
        }
        // Blank when every scalar is white space (what trimming it to nothing says, without Foundation's UTF-16 copy).
        let blank = CharacterSet.whitespacesAndNewlines
        let showsCode = cell.options.echo && !shownCode.unicodeScalars.allSatisfy { blank.contains($0) }
        var html = "<section class=\"\(classes.joined(separator: " "))\" id=\"cell-\(cell.id)\">"
        html += "<div class=\"cell-head\"><span class=\"cell-label\">\(label)</span>"
        if cell.options.exercise != nil, let guide = exerciseGuide, !guideLinked {
            html += "<a class=\"guide\" href=\"\(HTMLText.escape(guide)).html\">How exercises work</a>"
            guideLinked = true
        }
        if showsCode {
            html += "<button class=\"wrap\" type=\"button\" aria-pressed=\"false\" aria-label=\"Wrap lines of cell \(HTMLText.escape(cell.id))\">Wrap</button>"
                + "<button class=\"copy\" type=\"button\" aria-label=\"Copy the code of cell \(HTMLText.escape(cell.id))\">Copy</button>"
        }
        html += "</div>" + question
        if showsCode {
            let code = "<div class=\"code\"><pre><code class=\"language-swift\">\(SwiftHighlighter.html(shownCode))</code></pre></div>"
            // `fold: true`: the code waits behind a summary; the output stays in view.
            html += cell.options.fold ? "<details class=\"fold\"><summary>Show the code</summary>\(code)</details>" : code
        }
        if let outputMarkdown, !outputMarkdown.isEmpty {
            // A table's empty corner header is an empty cell, not a header without a name.
            let output = numberTables(MarkdownHTML.render(outputMarkdown).replacingOccurrences(of: "<th></th>", with: "<td></td>"), cell: cell.id)
            html += "<div class=\"output\">\(figures.inline(in: output, cell: cell))</div>"
        }
        return html + "</section>"
    }

    /// The number of a table of the prose (``PipeTables``), counted with the cells' tables in page order.
    mutating func numberProseTable() -> Int {
        tableCount += 1
        return tableCount
    }

    /// `html` with each `<table>` numbered: an id (`table-N`) and a caption, "Table N".
    mutating func numberTables(_ html: String, cell: String) -> String {
        let pieces = html.components(separatedBy: "<table>")
        guard pieces.count > 1 else { return html }
        var out = pieces[0]
        for piece in pieces.dropFirst() {
            tableCount += 1
            if firstTable[cell] == nil { firstTable[cell] = tableCount }
            out += "<table id=\"table-\(tableCount)\"><caption class=\"table-number\">Table \(tableCount)</caption>" + piece
        }
        return out
    }

    /// The cell's code as a student sees it: no `//|` option lines, no trailing newline.
    static func visibleCode(_ source: String) -> String {
        // Only the option lines are walked (splitting every cell's code into lines was 6% of a preview rebuild);
        // lines end at the Character "\n", as splitting by it did.
        var code = Substring(source)
        while code.hasPrefix("//|") {
            guard let newline = code.firstIndex(of: "\n") else { return "" }
            code = code[code.index(after: newline)...]
        }
        return String(code.hasSuffix("\n") ? code.dropLast() : code)
    }

    /// The `//` comment lines that open `code`, as Markdown text (markers removed), and the code after them.
    static func leadingComment(_ code: String) -> (text: String, rest: String) {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var text: [String] = []
        while let line = lines.first, line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            let body = line.trimmingCharacters(in: .whitespaces).dropFirst(2)
            text.append(String(body.hasPrefix(" ") ? body.dropFirst() : body))
            lines = lines.dropFirst()
        }
        return (text.joined(separator: "\n"), lines.joined(separator: "\n"))
    }

    /// "1 point", "2 points", "0.5 points".
    static func points(_ value: Double) -> String {
        "\(format(value)) \(value == 1 ? "point" : "points")"
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
