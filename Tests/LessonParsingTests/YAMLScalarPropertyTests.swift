import PropertyBased
import Testing
import Yams
@testable import LessonParsing

/// A quoted option value read without Yams (the fast path most captions take) is what Yams reads.
@Suite struct YAMLScalarPropertyTests {
    static let pieces = ["\"", "'", "''", "\\", "\\\"", "a", "Figure 1", " ", "é", "e\u{301}", "\u{301}", "#", ":", "\t"]

    @Test func quotedValuesAreReadAsYamsReadsThem() async {
        let inside = Gen.element(of: Self.pieces).array(of: 0...8).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: inside, Gen.bool) { inside, double in
            let quote = double ? "\"" : "'"
            let text = quote + inside + quote
            let yams = (try? Yams.load(yaml: text)) as? String
            let read = YAMLScalar(text[...]).string
            // Where Yams reads a string, the scalar reads the same one.
            if let yams { #expect(read == yams, "\(text)") }
        }
    }
}
