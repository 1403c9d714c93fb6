import Testing
@testable import TeXMath

/// (TeX, message, line, column) for each error case, positions checked by hand.
let errorCases: [(String, String, Int, Int)] = [
    (#"\foo"#, #"unknown command \foo"#, 1, 1),
    (#"a + \foo{x}"#, #"unknown command \foo"#, 1, 5),
    ("é + \\foo", #"unknown command \foo"#, 1, 5),
    ("x +\n  \\foo", #"unknown command \foo"#, 2, 3),
    ("x +\r\n\\bar{x} \\baz", #"unknown command \baz"#, 2, 9),
    (#"\frac{a}{b"#, "unmatched {", 1, 9),
    (#"{x"#, "unmatched {", 1, 1),
    (#"x_{"#, "unmatched {", 1, 3),
    (#"\text{abc"#, "unmatched {", 1, 6),
    (#"x}"#, "unmatched }", 1, 2),
    (#"a}b{"#, "unmatched }", 1, 2),
    (#"\left( a } b \right)"#, "unmatched }", 1, 10),
    (#"\left( x"#, #"\left without \right"#, 1, 1),
    (#"{\left( a }"#, #"\left without \right"#, 1, 2),
    (#"x \right)"#, #"\right without \left"#, 1, 3),
    (#"\middle|"#, #"\middle without \left"#, 1, 1),
    (#"\left( x \right"#, #"missing delimiter after \right"#, 1, 10),
    (#"\left x \right)"#, #"missing delimiter after \left"#, 1, 1),
    (#"\left\alpha x \right)"#, #"\alpha is not a delimiter"#, 1, 6),
    (#"\frac{a}"#, #"missing argument for \frac"#, 1, 1),
    (#"\sqrt"#, #"missing argument for \sqrt"#, 1, 1),
    (#"x^"#, "missing argument for ^", 1, 2),
    (#"x_}"#, "missing argument for _", 1, 2),
    (#"a & b"#, "& outside an environment", 1, 3),
    (#"\begin{foo} x \end{foo}"#, "unknown environment foo", 1, 1),
    (#"\begin{aligned} x \end{cases}"#, #"\end{cases} does not match \begin{aligned}"#, 1, 19),
    (#"\begin{aligned} a &= b"#, #"\begin{aligned} without \end{aligned}"#, 1, 1),
    (#"\end{aligned}"#, #"\end without \begin"#, 1, 1),
    (#"x^2^3"#, "double superscript", 1, 4),
    (#"x_1_2"#, "double subscript", 1, 4),
    (#"x^2'"#, "double superscript", 1, 4),
    (#"\tag{1} x"#, #"\tag is only allowed in display math"#, 1, 1),
    (#"\eqref{eq:missing}"#, "undefined label eq:missing", 1, 1),
    (#"a # b"#, "# must be followed by a parameter number 1-9", 1, 3),
    (#"x \"#, "a backslash ends the formula", 1, 3),
]

@Test(arguments: errorCases)
func reportsErrorAtTheOffendingToken(tex: String, message: String, line: Int, column: Int) {
    #expect {
        _ = try MathMLConverter().convert(tex, display: false)
    } throws: { error in
        guard let error = error as? TeXMathError else { return false }
        return error.message == message && error.line == line && error.column == column
    }
}

@Test func errorOffsetIsInUTF8Bytes() {
    do {
        _ = try MathMLConverter().convert("é + \\foo", display: false)
        Issue.record("expected an error")
    } catch {
        #expect(error.offset == 5)
        #expect(error.description == #"1:5: unknown command \foo"#)
    }
}
