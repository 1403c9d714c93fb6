import PropertyBased
import Testing

@testable import SiteRendering

/// Filling placeholders from slices of the page gives the bytes that filling them into a byte array gave.
@Suite struct PlaceholderFillPropertyTests {
    /// The fill as it was: the page's bytes and the values copied into one array, decoded at the end.
    static func fillByBytes(_ html: String, prefix: String, with values: [String], dropParagraph: Bool) -> String {
        let bytes = Array(html.utf8), marker = Array(prefix.utf8)
        let open = Array("<p>".utf8), close = Array("</p>".utf8)
        var output: [UInt8] = []
        var i = 0
        func find(from: Int) -> Int? {
            guard from + marker.count <= bytes.count else { return nil }
            return (from...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker }
        }
        while let start = find(from: i) {
            var end = start + marker.count, number = 0, digits = 0
            while end < bytes.count, (48...57).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - 48)
                end += 1
                digits += 1
            }
            guard digits > 0, end < bytes.count, bytes[end] == UInt8(ascii: "X"), number < values.count else {
                output.append(contentsOf: bytes[i..<(start + 1)])
                i = start + 1
                continue
            }
            var copyEnd = start, resume = end + 1
            if dropParagraph, start >= open.count, Array(bytes[(start - open.count)..<start]) == open,
                resume + close.count <= bytes.count, Array(bytes[resume..<(resume + close.count)]) == close
            {
                copyEnd = start - open.count
                resume += close.count
            }
            output.append(contentsOf: bytes[i..<copyEnd])
            output.append(contentsOf: values[number].utf8)
            i = resume
        }
        output.append(contentsOf: bytes[i...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Placeholders whole and broken (no digits, no `X`, a number past the values), paragraphs around them or
    /// half, markers one after the other, and text with accents in both normal forms, Greek and an emoji.
    static let pieces = [
        "PH", "PH0X", "PH1X", "PH2X", "PH7X", "PHX", "PH12X", "0", "1", "X", "<p>", "</p>", "<p>PH0X</p>", "PHPH1X",
        "é", "e\u{301}", "α", "👍🏽", " ", "\n", "<h2>", "P", "H",
    ]

    @Test func fillingFromSlicesIsFillingBytes() async {
        let html = Gen.element(of: Self.pieces).array(of: 0...30).map { $0.compactMap { $0 }.joined() }
        let values = Gen.element(of: ["", "x", "<b>é</b>", "PH0X", "α\u{301}", "👍"]).array(of: 0...3).map { $0.compactMap { $0 } }
        let drop = Gen.bool
        await propertyCheck(count: 3000, input: html, values, drop) { html, values, drop in
            let filled = HTMLScan.fill(html, prefix: "PH", with: values, dropParagraph: drop)
            let reference = Self.fillByBytes(html, prefix: "PH", with: values, dropParagraph: drop)
            #expect(Array(filled.utf8) == Array(reference.utf8), "\(html.debugDescription) \(values) \(drop)")
        }
    }
}
