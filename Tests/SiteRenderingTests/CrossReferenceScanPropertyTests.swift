import PropertyBased
import LessonModel
import LessonParsing
import Testing
@testable import SiteRendering

/// Copying a line with neither `@` nor `[` as it is (the shortcut that keeps a 20 MB lesson's check linear and
/// short), or not keeping the text at all (`lessons check`), finds exactly what reading every line the long way
/// finds.
@Suite struct CrossReferenceScanPropertyTests {
    /// Pieces of prose that references, citations, code spans, fences and wrapped brackets are made of.
    static let pieces = [
        "@fig-", "@tbl-", "@eq-", "@fig:", "@", "[", "]", "[@", "@knuth84", "; ", "`", "```", "~~~", "\n", "\n\n", " ",
        "plot", "a-b", "x_1", "é", "see ", "p. 3", ".", "-", "\u{301}", "\r", "\r\n", ": cap {#tbl-t}",
    ]

    @Test func theShortcutChangesNothing() async {
        let prose = Gen.element(of: Self.pieces).array(of: 0...60).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1000, input: prose, Gen.bool) { text, citations in
            let fast = CrossReferences.scan(text, citations: citations)
            let slow = CrossReferences.scan(text, citations: citations, shortcut: false)
            #expect(fast.text == slow.text)
            #expect(fast.references == slow.references)
            #expect(fast.citations == slow.citations)
            let bare = CrossReferences.scan(text, citations: citations, keepingText: false)
            #expect(bare.references == slow.references && bare.citations == slow.citations && bare.text.isEmpty)
        }
    }

    /// Lines found by their bytes are the lines `lines()` splits, and a line is plain exactly when its UTF-8 holds
    /// none of the bytes a scan looks for.
    @Test func proseLinesAreTheSplitLines() async {
        let prose = Gen.element(of: Self.pieces).array(of: 0...60).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1000, input: prose, Gen.bool) { text, citations in
            let split = text.lines()
            let lines = ProseLines(text)
            #expect(lines.count == split.count)
            for index in split.indices where index < lines.count {
                #expect(lines[index] == split[index])
                let special: Set<UInt8> = citations ? [0x40, 0x60, 0x7E, 0x5B] : [0x40, 0x60, 0x7E]
                #expect(lines.isPlain(index, citations: citations) == !split[index].utf8.contains { special.contains($0) })
            }
        }
    }

    /// Lesson pieces: prose, cells with and without outputs, line endings of every kind.
    static let lessonPieces = [
        "Prose @fig-a.\n", "text", "\n", "\n\n", "\r\n", "\r", "é\u{301}", "```{swift}\nlet x = 1\n```\n",
        "\n```{swift}\r\nprint(1)\r\n```\r\n\r\n<!-- lessons:output id=cell-1 hash=0 status=ok -->\n\n```output\n1\n```\n\n<!-- lessons:end -->\n",
        "```swift\nplain\n```\n", ": cap {#tbl-t}\n", "---\ntitle: T\n---\n",
    ]

    /// The prose copied by runs of lines between cells is the prose copied line by line.
    @Test func proseByRunsIsProseByLines() async {
        let text = Gen.element(of: Self.lessonPieces).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 1000, input: text) { text in
            guard let lesson = LessonParser.parse(Array(("---\ntitle: T\n---\n" + text).utf8), displayPath: "l.md").0
            else { return }
            let runs = CrossReferenceCheck.prose(of: lesson)
            let lines = CrossReferenceCheck.prose(of: lesson, lineByLine: true)
            #expect(runs.bytes == lines.bytes)
            #expect(runs.sourceLines == lines.sourceLines)
        }
    }
}
