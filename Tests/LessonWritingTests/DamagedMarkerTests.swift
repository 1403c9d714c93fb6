import LessonModel
import LessonParsing
import LessonWriting
import Testing

/// Issue 15, item 14: a damaged or edited output is repaired exactly by `run` and `clear`, or the lesson stops with
/// an error at its line; never a stray marker or a second copy.
@Suite struct DamagedMarkerTests {
    let original = Array("""
        ---
        title: T
        ---

        The value is `{swift} x` here.

        ```{swift}
        let x = 1
        ```

        Between.

        ```{swift}
        print(x)
        ```

        """.utf8)

    private func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func joined(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    private func count(_ needle: String, in bytes: [UInt8]) -> Int {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: needle).count - 1
    }

    /// The property every damaged text must have: `run` repairs it to exactly `run(original)` and `clear` to
    /// exactly the original, or parsing stops with an error at `line`.
    private func expectRepairedOrStopped(_ damaged: [UInt8], errorLine line: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (lesson, problems) = LessonParser.parse(damaged, displayPath: "Lessons/generated.md")
        if lesson == nil {
            #expect(problems.contains { $0.severity == .error && $0.location.line == line }, "\(problems)", sourceLocation: sourceLocation)
            return
        }
        let ran = FakeRun.run(original)
        #expect(String(decoding: FakeRun.run(damaged), as: UTF8.self) == String(decoding: ran, as: UTF8.self), "run repairs exactly", sourceLocation: sourceLocation)
        #expect(String(decoding: FakeRun.clear(damaged), as: UTF8.self) == String(decoding: original, as: UTF8.self), "clear repairs exactly", sourceLocation: sourceLocation)
        #expect(count("lessons:output", in: FakeRun.run(damaged)) == 2, sourceLocation: sourceLocation)
    }

    @Test func deletedBeginMarker() {
        var text = lines(FakeRun.run(original))
        let begin = try! #require(text.firstIndex { $0.hasPrefix("<!-- lessons:output") })
        text.remove(at: begin)
        let end = text.firstIndex(of: "<!-- lessons:end -->")! + 1
        expectRepairedOrStopped(joined(text), errorLine: end)
    }

    @Test func unknownStatus() {
        let text = lines(FakeRun.run(original)).map {
            $0.hasPrefix("<!-- lessons:output") ? $0.replacingOccurrences(of: "status=ok", with: "status=great") : $0
        }
        let line = text.firstIndex { $0.contains("status=great") }! + 1
        expectRepairedOrStopped(joined(text), errorLine: line)
    }

    @Test func deletedEndMarker() {
        var text = lines(FakeRun.run(original))
        let end = text.firstIndex(of: "<!-- lessons:end -->")!
        text.remove(at: end)
        let begin = text.firstIndex { $0.hasPrefix("<!-- lessons:output") }! + 1
        expectRepairedOrStopped(joined(text), errorLine: begin)
    }

    @Test func missingValueClosing() {
        let text = lines(FakeRun.run(original)).map { $0.replacingOccurrences(of: "<!--/value-->", with: "") }
        expectRepairedOrStopped(joined(text), errorLine: 5)
    }

    @Test func handEditedOutputIsFoundAtItsLine() throws {
        let text = lines(FakeRun.run(original)).map { $0.replacingOccurrences(of: "source has", with: "source HAS") }
        let damaged = joined(text)
        let (lesson, problems) = LessonParser.parse(damaged, displayPath: "Lessons/generated.md")
        let begin = text.firstIndex { $0.hasPrefix("<!-- lessons:output") }! + 1
        #expect(problems.contains { $0.location.line == begin && $0.message.contains("edited") }, "\(problems)")
        #expect(lesson != nil, "an edited output is repaired by the next run")
        expectRepairedOrStopped(damaged, errorLine: begin)
    }

    @Test func handEditedInlineValueIsFoundAtItsLine() throws {
        let text = lines(FakeRun.run(original)).map { $0.replacingOccurrences(of: "-->v1 ", with: "-->v2 ") }
        let damaged = joined(text)
        #expect(damaged != FakeRun.run(original), "the edit hit the stored value")
        let (lesson, problems) = LessonParser.parse(damaged, displayPath: "Lessons/generated.md")
        #expect(problems.contains { $0.location.line == 5 && $0.message.contains("edited") }, "\(problems)")
        #expect(lesson != nil, "an edited value is replaced by the next run")
        expectRepairedOrStopped(damaged, errorLine: 5)
    }
}
