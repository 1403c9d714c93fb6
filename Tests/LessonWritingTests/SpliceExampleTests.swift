import LessonModel
import LessonWriting
import Testing

@Suite struct SpliceExampleTests {
    let cellText = "---\ntitle: T\n---\n\n```{swift}\nprint(1)\n```"

    @Test func insertsAfterTheClosingFenceWithOneBlankLine() throws {
        let ran = String(decoding: FakeRun.run(Array((cellText + "\n\nAfter.\n").utf8)), as: UTF8.self)
        #expect(ran.contains("```\n\n<!-- lessons:output id=cell-1 hash="))
        #expect(ran.hasSuffix("<!-- lessons:end -->\n\nAfter.\n"))
    }

    @Test func documentEndingInAFenceWithoutNewlineRoundTrips() {
        let original = Array(cellText.utf8)
        let ran = FakeRun.run(original)
        #expect(String(decoding: ran, as: UTF8.self).hasSuffix("<!-- lessons:end -->"))
        #expect(FakeRun.clear(ran) == original)
        #expect(FakeRun.run(ran) == ran)
    }

    @Test func crlfDocumentsGetCRLFOutputs() {
        let original = Array((cellText.replacingOccurrences("\n", "\r\n") + "\r\n").utf8)
        let ran = String(decoding: FakeRun.run(original), as: UTF8.self)
        let withoutCRLF = ran.replacingOccurrences("\r\n", "")
        #expect(!withoutCRLF.contains("\n"), "every inserted line ends with CRLF")
        #expect(FakeRun.clear(Array(ran.utf8)) == original)
    }

    @Test func textOutputWithBackticksGetsALongerFence() {
        let lines = OutputRenderer.fenced("a ```` b\n", info: "output")
        #expect(lines.first == "`````output")
        #expect(lines.last == "`````")
    }

    @Test func tablesAreEscapedSingleBlockHTML() {
        let lines = OutputRenderer.table(columns: ["<x>"], rows: [["a & b"], ["line\nbreak"]])
        #expect(lines.contains("<thead><tr><th>&lt;x&gt;</th></tr></thead>"))
        #expect(lines.contains("<tr><td>a &amp; b</td></tr>"))
        #expect(lines.contains("<tr><td>line<br>break</td></tr>"))
        #expect(!lines.contains(""), "no blank line may end the HTML block early")
    }

    @Test func orphanBlocksAreRemovedOnRun() {
        let text = "---\ntitle: T\n---\n\nProse.\n\n<!-- lessons:output id=gone hash=1 status=ok -->\n<!-- lessons:end -->\n\nEnd.\n"
        let ran = String(decoding: FakeRun.run(Array(text.utf8)), as: UTF8.self)
        #expect(ran == "---\ntitle: T\n---\n\nProse.\n\nEnd.\n")
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
