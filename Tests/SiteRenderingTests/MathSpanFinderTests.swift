import Testing
@testable import SiteRendering

/// Math is found before Markdown parses the text, and only where it is math.
@Suite struct MathSpanFinderTests {
    func tex(_ text: String) throws -> [String] { try MathSpanFinder.spans(in: text).map(\.tex) }

    @Test func inlineAndDisplayMath() throws {
        #expect(try tex("Let $x_{i}$ and $y_{j}$ be given.") == ["x_{i}", "y_{j}"])
        #expect(try tex("$$\n\\log p(x) \\\\ \\{ a \\}\n$$") == ["\n\\log p(x) \\\\ \\{ a \\}\n"])
        let spans = try MathSpanFinder.spans(in: "a\nb $$c$$ and $d$")
        #expect(spans.map(\.display) == [true, false])
        #expect(spans.map(\.line) == [2, 2] && spans.map(\.column) == [3, 13])
    }

    @Test func dollarsThatAreNotMath() throws {
        #expect(try tex("It costs $5 and $6 more.") == [])
        #expect(try tex("A \\$ sign and $x$.") == ["x"])
        #expect(try tex("Code `$x$` and ``a $b$ c`` stay.") == [])
        #expect(try tex("```swift\nlet s = \"$x$\"\n```\nthen $y$") == ["y"])
        #expect(try tex("~~~~\n$a$\n~~~~\n") == [])
        #expect(try tex("$ x$ is not math, nor is $x $") == [])
        #expect(try tex("one $a\n\nb$ two") == [], "inline math does not cross a blank line")
    }

    @Test func unclosedDisplayMathIsAnErrorWithItsPosition() {
        #expect(throws: MathSpanFinder.UnclosedDisplayMath(line: 2, column: 5)) {
            try MathSpanFinder.spans(in: "text\nsee $$x + y\nmore")
        }
    }
}
