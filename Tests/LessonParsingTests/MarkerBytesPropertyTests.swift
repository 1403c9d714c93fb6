import LessonModel
import PropertyBased
import Testing
@testable import LessonParsing

/// The collector tells output markers by a line's bytes; that is what reading the line as text tells.
@Suite struct MarkerBytesPropertyTests {
    static let pieces = [
        " ", "\t", "\r", "<!-- lessons:output ", "<!-- lessons:output", "<!-- lessons:end -->", "<!-- lessons:end", " -->",
        "id=a", "é", "\u{301}", "x", "<!--", "lessons", "\u{A0}",
    ]

    @Test func markersByBytesAreMarkersByText() async {
        let line = Gen.element(of: Self.pieces).array(of: 0...6).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: line) { line in
            let bytes = ArraySlice(Array(line.utf8))
            #expect(CellCollector.looksLikeBeginLine(bytes) == OutputMarker.looksLikeBeginLine(line[...]))
            #expect(CellCollector.isEndLine(bytes) == OutputMarker.isEndLine(line[...]))
        }
    }
}
