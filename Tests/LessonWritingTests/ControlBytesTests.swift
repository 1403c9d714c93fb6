import LessonModel
import LessonParsing
import LessonWriting
import Testing

/// Issue 15, item 3: a cell's output may hold any bytes; what the writer stores, the parser reads back.
@Suite struct ControlBytesTests {
    let lesson = "---\ntitle: T\n---\n\n```{swift}\nprint(1)\n```\n\nAfter.\n"

    /// Splices `items` as the only cell's output and returns the new text.
    private func ran(_ items: [OutputItem]) throws -> [UInt8] {
        let parsed = try #require(FakeRun.parse(Array(lesson.utf8)))
        let lines = OutputRenderer.lines(
            for: CellOutput(outcome: .succeeded, items: items), cell: parsed.cells[0], lesson: parsed.name, hash: "h")
        return OutputSplicer.splice(parsed, blocks: [0: lines])
    }

    @Test func progressBarEndsAsItsFinalLine() throws {
        let text = try ran([.standardOutput("\rtraining 10%\rtraining 55%\rtraining 100%\ndone\n")])
        let reparsed = try #require(FakeRun.parse(text))
        #expect(reparsed.cells.first?.output != nil)
        #expect(String(decoding: text, as: UTF8.self).contains("```output\ntraining 100%\ndone\n```"))
        #expect(!text.contains(0x0D), "no carriage return reaches the file")
        #expect(FakeRun.clear(text) == Array(lesson.utf8))
    }

    @Test func carriageReturnOverwritesFromTheStartOfTheLine() throws {
        // A terminal (and Jupyter) overwrite: the rest of a longer earlier state stays visible.
        let text = String(decoding: try ran([.standardOutput("abcdef\rXY\r\nnext\r")]), as: UTF8.self)
        #expect(text.contains("```output\nXYcdef\nnext\n```"))
    }

    @Test func otherControlBytesAreShownAsControlPictures() throws {
        let text = String(decoding: try ran([
            .standardOutput("a\u{0}b\u{1B}[31mred\u{7F}\tx\u{0C}\n"), .standardError("\u{7}bell"),
            .table(columns: ["c\r"], rows: [["\u{1B}x\ry"]]),
        ]), as: UTF8.self)
        #expect(text.contains("a\u{2400}b\u{241B}[31mred\u{2421}\tx\u{240C}"))
        #expect(text.contains("```stderr\n\u{2407}bell\n```"))
        #expect(text.contains("<th>c</th>"))
        #expect(text.contains("<td>yx</td>"), "y overwrites the ESC")
    }

    @Test func sourceTextLookupsAreTotal() {
        let source = SourceText("a\rb\r\nc\n\rd")
        #expect(source.lineCount == 5)
        #expect((1...5).map { String(source.content(ofLine: $0)) } == ["a", "b", "c", "", "d"])
        #expect(source.terminator(ofLine: 1) == "\r")
        #expect(source.terminator(ofLine: 2) == "\r\n")
        for line in [-3, 0, 6, 1000] {
            _ = source.startOffset(ofLine: line)
            _ = source.endOffset(ofLine: line)
            _ = source.content(ofLine: line)
            _ = source.isBlank(line: line)
            _ = source.terminator(ofLine: line)
        }
        _ = source.text(of: LineRange(4, 99))
        _ = SourceText(bytes: []).content(ofLine: 2)
    }
}
