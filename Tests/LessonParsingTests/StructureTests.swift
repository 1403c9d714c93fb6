import LessonModel
import Testing

@Suite struct StructureTests {
    @Test func plainSwiftBlocksAreNotCells() throws {
        let text = header + "\n```swift\nlet shown = 1\n```\n\n~~~~ {swift}\nlet run = 2\n~~~~\n"
        let cells = try #require(parse(text).0?.cells)
        #expect(cells.count == 1)
        #expect(cells.first?.source == "let run = 2\n")
        #expect(cells.first?.openingFenceLine == 9)
        #expect(cells.first?.closingFenceLine == 11)
    }

    @Test func unterminatedFenceIsAnErrorAtItsOpeningLine() {
        #expect(diagnostics(header + "\nText\n\n```{swift}\nlet a = 1\n") == [
            "7:1: error: code fence opened here is never closed (add a line of 3 '`')"
        ])
        #expect(diagnostics(header + "\n````python\nx = 1\n```\n").first?.hasPrefix("5:1: error: code fence") == true)
    }

    @Test func cellsInsideListsAreRejected() {
        let text = header + "\n- item\n\n  ```{swift}\n  let a = 1\n  ```\n"
        #expect(diagnostics(text) == [
            "7:1: error: a {swift} cell must be at the top level of the lesson, not inside a list or block quote"
        ])
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        var bytes = Array((header + "\nGood line\nBad ").utf8)
        bytes += [0xC3, 0x28]
        let (lesson, problems) = LessonParsing.LessonParser.parse(bytes, displayPath: "Lessons/t.md")
        #expect(lesson == nil)
        #expect(problems.map(\.description) == ["Lessons/t.md:6:5: error: the file is not valid UTF-8 (invalid byte 0xc3)"])
    }

    @Test func outputBlocksAttachToTheCellTheyFollow() throws {
        let text = header + """

            ```{swift}
            print(1)
            ```

            <!-- lessons:output id=cell-1 hash=abc status=ok -->

            ```output
            <!-- lessons:end -->
            ```

            <!-- lessons:end -->

            Prose.

            <!-- lessons:output id=old hash=def status=failed -->
            <!-- lessons:end -->

            """
        let lesson = try #require(parse(text).0)
        let output = try #require(lesson.cells.first?.output)
        #expect(output.marker == OutputMarker(id: "cell-1", hash: "abc", status: .ok))
        #expect(output.beginLine == 9)
        #expect(output.endLine == 15, "an end marker inside a fenced output is text, not the end")
        #expect(lesson.orphanOutputs.map(\.beginLine) == [19])
    }

    @Test func unclosedOutputBlockIsAnError() {
        let text = header + "\n```{swift}\n```\n\n<!-- lessons:output id=cell-1 hash=a status=ok -->\n\nText\n"
        #expect(diagnostics(text) == [
            "8:1: error: generated output block has no '<!-- lessons:end -->' line; fix or delete it by hand"
        ])
    }
}

import LessonParsing
