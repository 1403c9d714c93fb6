import Testing
@testable import TeXMath

/// Issue 17's typesetting fixes, one table each: (TeX, the MathML inside `<semantics>`, inline unless noted).
enum TypesettingFixes {
    /// Relations and binary operators inside scripts take no space, as in TeX's script styles.
    static let scripts: [(String, String)] = [
        (#"x_{<i}"#, #"<msub><mi>x</mi><mrow><mo lspace="0em" rspace="0em">&lt;</mo><mi>i</mi></mrow></msub>"#),
        (#"2^{i-1}"#, #"<msup><mn>2</mn><mrow><mi>i</mi><mo lspace="0em" rspace="0em">−</mo><mn>1</mn></mrow></msup>"#),
        (#"\sum_{k=1}^{K} a_k"#, #"<mrow><munderover><mo>∑</mo><mrow><mi>k</mi><mo lspace="0em" rspace="0em">=</mo><mn>1</mn></mrow><mi>K</mi></munderover><msub><mi>a</mi><mi>k</mi></msub></mrow>"#),
        (#"x_{i,j}"#, #"<msub><mi>x</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></msub>"#),
    ]

    /// A sign (first in its row, or after an opening bracket, a relation or a comma) is a prefix operator with no
    /// space after it; after an operand it stays binary.
    static let signs: [(String, String)] = [
        (#"[-1, 1]"#, #"<mrow><mo stretchy="false">[</mo><mo form="prefix" lspace="0em" rspace="0em">−</mo><mn>1</mn><mo>,</mo><mn>1</mn><mo stretchy="false">]</mo></mrow>"#),
        (#"-x"#, #"<mrow><mo form="prefix" lspace="0em" rspace="0em">−</mo><mi>x</mi></mrow>"#),
        (#"y = -x"#, #"<mrow><mi>y</mi><mo>=</mo><mo form="prefix" lspace="0em" rspace="0em">−</mo><mi>x</mi></mrow>"#),
        (#"(a) - b"#, #"<mrow><mo stretchy="false">(</mo><mi>a</mi><mo stretchy="false">)</mo><mo>−</mo><mi>b</mi></mrow>"#),
        (#"a - b"#, #"<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"#),
    ]

    /// `|`, `‖`, `/` and dots typed as they are are ordinary symbols: no space inside `|x|`, none around `…`.
    static let ordinary: [(String, String)] = [
        (#"| x |"#, #"<mrow><mo lspace="0em" rspace="0em" stretchy="false">|</mo><mi>x</mi><mo lspace="0em" rspace="0em" stretchy="false">|</mo></mrow>"#),
        (#"x_1, \ldots, x_n"#, #"<mrow><msub><mi>x</mi><mn>1</mn></msub><mo>,</mo><mo lspace="0em" rspace="0em">…</mo><mo>,</mo><msub><mi>x</mi><mi>n</mi></msub></mrow>"#),
        (#"1/\sigma^2"#, #"<mrow><mn>1</mn><mo lspace="0em" rspace="0em" stretchy="false">/</mo><msup><mi>σ</mi><mn>2</mn></msup></mrow>"#),
        (#"\left| x \right|"#, #"<mrow><mo stretchy="true">|</mo><mi>x</mi><mo stretchy="true">|</mo></mrow>"#),
    ]

    /// A function name after an ordinary atom gets a thin space before it, as TeX puts between Ord and Op.
    static let functions: [(String, String)] = [
        (#"\frac12\log x"#, #"<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac><mspace width="0.1667em"/><mi>log</mi><mspace width="0.1667em"/><mi>x</mi></mrow>"#),
        (#"2\sin\theta"#, #"<mrow><mn>2</mn><mspace width="0.1667em"/><mi>sin</mi><mspace width="0.1667em"/><mi>θ</mi></mrow>"#),
        (#"(\log x)"#, #"<mrow><mo stretchy="false">(</mo><mi>log</mi><mspace width="0.1667em"/><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
    ]

    /// Wide accents stretch with the combining characters (U+0302, U+0303), not ASCII `^` and `~`.
    static let accents: [(String, String)] = [
        (#"\widehat{\mathrm{ELBO}}"#, "<mover accent=\"true\"><mi>ELBO</mi><mo stretchy=\"true\">\u{0302}</mo></mover>"),
        (#"\widetilde{xyz}"#, "<mover accent=\"true\"><mrow><mi>x</mi><mi>y</mi><mi>z</mi></mrow><mo stretchy=\"true\">\u{0303}</mo></mover>"),
        (#"\hat x"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">^</mo></mover>"#),
    ]

    /// Readable text (the `alttext`, and what search indexes): no TeX commands.
    static let readable: [(String, String)] = [
        (#"\mathbb{E}_{q}[\log p(x, z)]"#, "𝔼_q[log p(x, z)]"),
        (#"\mathcal{N}(\mu, \sigma^2)"#, "𝒩(μ, σ^2)"),
        (#"\frac{1}{S} \sum_s f(z^{(s)})"#, "1/S∑_s f(z^(s))"),
        (#"\sqrt{x+1} \le \alpha"#, "√(x + 1) ≤ α"),
        (#"\mathrm{KL}(q \,\|\, p) \geq 0"#, "KL(q ‖ p) ≥ 0"),
        (#"x \in [-1, 1]"#, "x ∈ [−1, 1]"),
        (#"a - b"#, "a − b"),
    ]
}

@Test(arguments: TypesettingFixes.scripts + TypesettingFixes.signs + TypesettingFixes.ordinary + TypesettingFixes.functions
    + TypesettingFixes.accents)
func typesettingFix(tex: String, expected: String) throws {
    #expect(content(of: try MathMLConverter().convert(tex, display: false).mathML) == expected)
}

@Test(arguments: TypesettingFixes.readable)
func readableTextHasNoTeX(tex: String, expected: String) throws {
    let rendering = try MathMLConverter().convert(tex, display: false)
    #expect(rendering.text == expected)
    #expect(!rendering.text.contains("\\"))
    #expect(rendering.mathML.hasPrefix("<math alttext=\"\(MathMLWriter.escape(expected))\">"))
}

/// `\\` outside an environment, as KaTeX and MathJax read it: a line break in display math (the lines become a
/// centred one-column table), nothing inline.
@Test func lineBreakOutsideAnEnvironment() throws {
    let display = try MathMLConverter().convert(#"a = b \\ c = d"#, display: true)
    #expect(content(of: display.mathML) == #"<mtable displaystyle="true"><mtr><mtd><mi>a</mi><mo>=</mo><mi>b</mi></mtd></mtr>"#
        + #"<mtr><mtd><mi>c</mi><mo>=</mo><mi>d</mi></mtd></mtr></mtable>"#)
    let inline = try MathMLConverter().convert(#"a \\ b"#, display: false)
    #expect(content(of: inline.mathML) == "<mrow><mi>a</mi><mi>b</mi></mrow>")
    let spaced = try MathMLConverter().convert(#"x \\[2pt] y"#, display: true)
    #expect(content(of: spaced.mathML).hasPrefix("<mtable"))
    #expect(throws: TeXMathError.self) { try MathMLConverter().convert(#"{a \\ b}"#, display: true) }
}
