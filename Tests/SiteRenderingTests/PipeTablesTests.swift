import Foundation
import LessonModel
import LessonParsing
import Testing
@testable import SiteRendering

/// Pipe tables in prose, with `: Caption {#tbl-name}`: rendered as tables, numbered with the cells' output tables in
/// page order, and citable with `@tbl-name` (issue 26).
@Suite struct PipeTablesTests {
    @Test func aTableWithAlignmentCodeAndEscapedBars() {
        let (markdown, tables) = PipeTables.extract(from: """
            Before.

            | | left | centre | right |
            |---|:---|:---:|---:|
            | *a* | `x | y` | a \\| b | 3 |
            | short |

            : A *caption* {#tbl-demo}

            After.
            """)
        #expect(markdown == "Before.\n\n\nLESSONSPTABLE0X\n\n\nAfter.")
        #expect(tables == [PipeTables.Table(label: "demo", caption: "A <em>caption</em>", rows:
            "<thead><tr><td></td><th class=\"align-left\">left</th><th class=\"align-center\">centre</th><th class=\"align-right\">right</th></tr></thead>"
            + "<tbody><tr><td><em>a</em></td><td class=\"align-left\"><code>x | y</code></td><td class=\"align-center\">a | b</td><td class=\"align-right\">3</td></tr>"
            + "<tr><td>short</td><td class=\"align-left\"></td><td class=\"align-center\"></td><td class=\"align-right\"></td></tr></tbody>")])
    }

    @Test func notTables() {
        for text in ["a | b\nc | d", "| a | b |\n|---|", "```\n| a |\n|---|\n```", "    | a |\n    |---|", "a | b\n---"] {
            #expect(PipeTables.extract(from: text).1.isEmpty, "\(text)")
        }
        #expect(PipeTables.labels(in: "x\n: Names {#tbl-kl-names}\n: no label\n") == ["kl-names"])
    }

    @Test func proseTablesAreNumberedWithOutputTablesAndCitable() throws {
        let markdown = """
            ---
            title: Tables
            ---

            # Tables

            ```{swift}
            //| id: first
            show(t)
            ```

            <!-- lessons:output id=first hash=0000000000000000 status=ok content=0000000000000000 -->
            <table>
            <tr><td>1</td></tr>
            </table>
            <!-- lessons:end -->

            As @tbl-names shows, and @tbl-first.

            | name | value |
            |---|---|
            | $x$ | 1 |

            : Names {#tbl-names}
            """
        let (parsed, problems) = LessonParser.parse(Array(markdown.utf8), displayPath: "Lessons/10-tables.md")
        #expect(!Diagnostic.containsError(problems), "\(problems)")  // the hand-made output block is only a warning
        let lesson = try #require(parsed)
        let page = LessonPageRenderer(lessonsDirectory: URL(fileURLWithPath: "/")).render(lesson)
        #expect(page.diagnostics.isEmpty, "\(page.diagnostics)")
        #expect(page.body.contains("<table id=\"table-1\"><caption class=\"table-number\">Table 1</caption>"))
        #expect(page.body.contains("<div class=\"prose-table\"><table id=\"table-2\"><caption class=\"table-number\">Table 2: Names</caption>"))
        #expect(page.body.contains("As <a class=\"table-ref\" href=\"#table-2\">Table 2</a> shows, and <a class=\"table-ref\" href=\"#table-1\">Table 1</a>."))
        #expect(page.body.contains("<td><math"), "math in a cell is typeset")
        #expect(CrossReferenceCheck.problems(in: lesson).isEmpty)
    }
}
