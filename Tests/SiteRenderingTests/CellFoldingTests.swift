import Foundation
import LessonModel
import Testing
@testable import SiteRendering

@Suite struct CellFoldingTests {
    static func cell(_ id: String, _ source: String, _ options: CellOptions) -> CodeCell {
        StudentViewTests().cell(id, source, options)
    }

    @Test func foldedCodeWaitsBehindASummaryAndTheOutputStays() {
        var options = CellOptions()
        options.fold = true
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        let html = renderer.html(for: Self.cell("plot", "//| fold: true\nlet x = 1\n", options), outputMarkdown: "42\n")
        #expect(html.contains("<details class=\"fold\"><summary>Show the code</summary><div class=\"code\"><pre>"))
        #expect(html.contains("</pre></div></details><div class=\"output\">"))
        let plain = renderer.html(for: Self.cell("plain", "let y = 2\n", CellOptions()), outputMarkdown: nil)
        #expect(!plain.contains("<details"))
    }

    @Test func outputTablesAreNumberedInPageOrder() {
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        let table = "<table>\n<tr><td>1</td></tr>\n</table>\n"
        _ = renderer.html(for: Self.cell("first", "show(t)\n", CellOptions()), outputMarkdown: table + "\n" + table)
        let second = renderer.html(for: Self.cell("second", "show(t)\n", CellOptions()), outputMarkdown: table)
        #expect(second.contains("<table id=\"table-3\"><caption class=\"table-number\">Table 3</caption>"))
        #expect(renderer.firstTable == ["first": 1, "second": 3])
    }
}
