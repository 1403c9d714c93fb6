import LessonModel
import PropertyBased
import Testing

/// An output block's content hash read in place from the lesson's bytes is the hash of its lines read one by one,
/// whatever the lines end with and wherever the range points (clamped, empty, past the end).
@Suite struct ContentHashPropertyTests {
    static let pieces = ["\n", "\r\n", "\r", "x", "é", "\u{301}", " ", "```output", "<!-- lessons:end -->", "\0"]

    @Test func inPlaceIsLineByLine() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...40).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: text, Gen.int(in: -2...30), Gen.int(in: 0...12)) { text, first, length in
            let source = SourceText(text)
            let lines = first..<(first + length)
            #expect(OutputMarker.contentHash(of: source, lines: lines)
                == OutputMarker.contentHash(of: lines.map { source.contentBytes(ofLine: $0) }))
        }
    }
}
