import Testing
@testable import SiteRendering

@Suite struct SwiftHighlighterTests {
    @Test func keywordsStringsNumbersAndCommentsGetClasses() {
        let html = SwiftHighlighter.html("let x = 42 // the answer\nprint(\"a < b\")")
        #expect(html.contains("<span class=\"kw\">let</span>"))
        #expect(html.contains("<span class=\"nu\">42</span>"))
        #expect(html.contains("<span class=\"co\">// the answer</span>"))
        #expect(html.contains("&lt;"), "text is escaped")
        #expect(!html.contains("a < b"))
    }

    @Test func theTextIsKeptExactly() {
        let code = "for i in 0..<3 { total += Double(i) * 0.5 } /* done */"
        #expect(PlainText.of(SwiftHighlighter.html(code)) == code)
    }
}
