import Testing
@testable import TeXMath

/// (tex, display, line, column) of each span.
func summary(_ markdown: String) throws -> [(String, Bool, Int, Int)] {
    try MathSpanScanner.spans(in: markdown).map { ($0.tex, $0.display, $0.line, $0.column) }
}

func same(_ left: [(String, Bool, Int, Int)], _ right: [(String, Bool, Int, Int)]) -> Bool {
    left.count == right.count && zip(left, right).allSatisfy { $0 == $1 }
}

@Test func mathThatLooksLikeEmphasisIsFoundWithExactRanges() throws {
    let spans = try MathSpanScanner.spans(in: "$x_{i}$ and $y_{j}$")
    #expect(spans.map(\.range) == [0..<7, 12..<19])
    #expect(same(try summary("$x_{i}$ and $y_{j}$"), [("x_{i}", false, 1, 1), ("y_{j}", false, 1, 13)]))
}

@Test(arguments: [
    ("costs $5 and $6", 0), ("$ x$", 0), ("$x $", 0), ("$x$5", 0), (#"a \$ b \$"#, 0),
    ("`$x$` and `$y$`", 0), ("``a ` $x$ ``", 0), ("```\n$x$\n```", 0), ("~~~~\n$x$\n~~~\nstill $code$\n~~~~", 0),
    ("   ```swift\nlet a = \"$x$\"\n   ```", 0), ("text\n\n    $x$ is code\n", 0), ("---\ntitle: $x$\n---\n", 0),
])
func textThatIsNotMath(markdown: String, count: Int) throws {
    #expect(try MathSpanScanner.spans(in: markdown).count == count)
}

@Test func escapedDollarAndBackslashesSurvive() throws {
    #expect(same(try summary(#"a \$ b $c$"#), [("c", false, 1, 8)]))
    #expect(same(try summary(#"$a \\ b$ and $\{x\}$"#), [(#"a \\ b"#, false, 1, 1), (#"\{x\}"#, false, 1, 14)]))
    #expect(same(try summary(#"$\$5$"#), [(#"\$5"#, false, 1, 1)]))
}

@Test func codeSpansAndBlocksAreSkipped() throws {
    #expect(same(try summary("`$x$` and $y$"), [("y", false, 1, 11)]))
    #expect(same(try summary("```\n$x$\n```\n$y$"), [("y", false, 4, 1)]))
    #expect(same(try summary("~~~~\n$x$\n~~~\n~~~~\n$y$"), [("y", false, 5, 1)]))
    #expect(same(try summary("text\n\n    $x$ code\n\n$y$"), [("y", false, 5, 1)]))
    #expect(same(try summary("- item\n\n    $x$ continued"), [("x", false, 3, 5)]))
    #expect(same(try summary("---\ntitle: $x$\n---\n$y$"), [("y", false, 4, 1)]))
}

@Test func displayMathSpansLines() throws {
    let markdown = "Text\n$$\na &= b \\\\\nc\n$$\nafter $z$"
    #expect(same(try summary(markdown), [("\na &= b \\\\\nc\n", true, 2, 1), ("z", false, 6, 7)]))
    #expect(same(try summary("$$x$$ and $$y$$"), [("x", true, 1, 1), ("y", true, 1, 11)]))
}

@Test func crlfLineEndings() throws {
    let markdown = "a $x$\r\n$$\r\ny\r\n$$\r\n$z$"
    #expect(same(try summary(markdown), [("x", false, 1, 3), ("\r\ny\r\n", true, 2, 1), ("z", false, 5, 1)]))
}

@Test func unclosedDisplayMathIsAnErrorAtItsLine() {
    #expect {
        _ = try MathSpanScanner.spans(in: "text\n\n$$ x + y\n\nmore")
    } throws: { error in
        (error as? TeXMathError).map { $0.message == "unclosed $$" && $0.line == 3 && $0.column == 1 } ?? false
    }
}

@Test func conversionErrorsMapToTheMarkdownFile() throws {
    let spans = try MathSpanScanner.spans(in: "ab $x + \\foo$\n$$\ny\n\\bar{}\\baz\n$$")
    for (span, expected) in zip(spans, [(1, 9), (4, 7)]) {
        do {
            _ = try MathMLConverter().convert(span.tex, display: span.display)
            Issue.record("expected an error")
        } catch {
            let location = span.location(of: error)
            #expect(location.line == expected.0 && location.column == expected.1)
        }
    }
}
