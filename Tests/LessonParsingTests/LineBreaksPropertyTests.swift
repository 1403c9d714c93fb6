import LessonModel
import PropertyBased
import Testing

/// Line breaks found with `memchr` (a text without carriage returns) or byte by byte are where CommonMark ends
/// lines, and a lesson's line index starts a line after each break but the last byte's.
@Suite struct LineBreaksPropertyTests {
    static let pieces = ["\n", "\r", "\r\n", "\n\n", "\r\r", "x", "é", "\u{301}", " ", "\0", "```", ":"]

    /// The ends of line breaks, read one byte at a time.
    static func breakEnds(_ bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            if byte == 0x0D, offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
            if byte == 0x0A || byte == 0x0D { ends.append(offset) }
        }
        return ends
    }

    @Test func breaksAreWhereABytewiseReadingFindsThem() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...60).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 2000, input: text, Gen.bool) { text, withoutReturns in
            let bytes = Array((withoutReturns ? text.replacingOccurrences(of: "\r", with: "") : text).utf8)
            let ends = bytes.withUnsafeBufferPointer { $0.lineBreakEnds() }
            #expect(ends == Self.breakEnds(bytes))
            let expectedStarts = [0] + Self.breakEnds(bytes).filter { $0 < bytes.count }
            #expect(SourceText(bytes: bytes).lineStarts == expectedStarts)
        }
    }
}
