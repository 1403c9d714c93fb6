import PropertyBased
import Testing

@testable import SiteRendering

/// A cell's visible code, found by walking its option lines only, is what splitting all of it into lines gave.
@Suite struct VisibleCodePropertyTests {
    static func visibleCodeByLines(_ source: String) -> String {
        let code = source.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("//|") }.joined(separator: "\n")
        return code.hasSuffix("\n") ? String(code.dropLast()) : code
    }

    @Test func walkingTheOptionLinesIsSplittingTheCode() async {
        let pieces = ["//| echo: false", "//|", "//", "|", "\n", "\r\n", "\r", "\u{301}", "let x = 1", " ", "é", "//| a\n"]
        let source = Gen.element(of: pieces).array(of: 0...12).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 3000, input: source) { source in
            #expect(Array(CellRenderer.visibleCode(source).utf8) == Array(Self.visibleCodeByLines(source).utf8),
                "\(source.debugDescription)")
        }
    }
}
