import Testing
import Foundation
@testable import TeXMath

/// The MathML inside `<semantics>`, without the `<math>` wrapper and the annotation.
func content(of mathML: String) -> String {
    var text = Substring(mathML)
    if text.hasPrefix("<math"), let semantics = text.range(of: "<semantics>") { text = text[semantics.upperBound...] }
    if let annotation = text.range(of: "<annotation encoding=") { text = text[..<annotation.lowerBound] }
    return String(text)
}

/// Every hand-checked table case, with the file it comes from.
let allCases: [(String, String)] = ScriptsAndFractions.cases + LettersAndAlphabets.cases
    + OperatorsAndDelimiters.cases + LayoutCases.cases + SymbolCases.cases

@Test func tableHasAtLeast150Cases() {
    #expect(allCases.count >= 150)
    #expect(Set(allCases.map(\.0)).count == allCases.count, "each TeX input appears once")
}

@Test(arguments: allCases)
func convertsInline(tex: String, expected: String) throws {
    let rendering = try MathMLConverter().convert(tex, display: false)
    #expect(content(of: rendering.mathML) == expected)
    #expect(rendering.mathML.hasPrefix("<math alttext=\""))
    #expect(rendering.mathML.hasSuffix("</annotation></semantics></math>"))
}

@Test func inlineWrapperKeepsEscapedTeX() throws {
    let rendering = try MathMLConverter().convert(#"x<y \& z"#, display: false)
    #expect(rendering.mathML == #"<math alttext="x &lt; y&amp;z"><semantics><mrow><mi>x</mi><mo>&lt;</mo><mi>y</mi><mo>&amp;</mo><mi>z</mi></mrow>"#
        + #"<annotation encoding="application/x-tex">x&lt;y \&amp; z</annotation></semantics></math>"#)
}

@Test func displayWrapper() throws {
    let rendering = try MathMLConverter().convert(#"\sum_{i=1}^n x_i"#, display: true)
    #expect(rendering.mathML == #"<math alttext="∑_(i = 1)^n x_i" display="block"><semantics><mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo lspace="0em" rspace="0em">=</mo>"#
        + #"<mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>"#
        + #"<annotation encoding="application/x-tex">\sum_{i=1}^n x_i</annotation></semantics></math>"#)
    #expect(rendering.label == nil && rendering.tag == nil)
}

@Test func emptyFormulaIsAnEmptyRow() throws {
    #expect(content(of: try MathMLConverter().convert("", display: false).mathML) == "<mrow></mrow>")
}

@Test func tagIsShownAtTheRightAndReturned() throws {
    let rendering = try MathMLConverter().convert(#"E = mc^2 \tag{1}"#, display: true)
    #expect(rendering.tag == "1")
    #expect(content(of: rendering.mathML) == #"<mtable class="tex-tagged" displaystyle="true" style="width:100%"><mtr>"#
        + #"<mtd style="width:50%"></mtd><mtd><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mtd>"#
        + #"<mtd columnalign="right" style="width:50%"><mtext class="tex-tag">(1)</mtext></mtd></mtr></mtable>"#)
    let starred = try MathMLConverter().convert(#"x \tag*{A}"#, display: true)
    #expect(starred.tag == "A" && starred.mathML.contains(#"<mtext class="tex-tag">A</mtext>"#))
}

@Test func labelIsReturnedAndReferencesResolve() throws {
    let rendering = try MathMLConverter().convert(#"\label{eq:elbo} x"#, display: true)
    #expect(rendering.label == "eq:elbo")
    #expect(content(of: rendering.mathML) == "<mi>x</mi>")
    let converter = MathMLConverter(labels: ["eq:elbo": "3"])
    #expect(content(of: try converter.convert(#"\eqref{eq:elbo}"#, display: false).mathML) == "<mtext>(3)</mtext>")
    #expect(content(of: try converter.convert(#"\ref{eq:elbo}"#, display: false).mathML) == "<mtext>3</mtext>")
}

@Test func displayStyleFractionsInsideDisplayMath() throws {
    let rendering = try MathMLConverter().convert(#"\frac{1}{2} \tfrac{1}{2}"#, display: true)
    #expect(content(of: rendering.mathML)
        == #"<mrow><mfrac><mn>1</mn><mn>2</mn></mfrac><mfrac displaystyle="false"><mn>1</mn><mn>2</mn></mfrac></mrow>"#)
}

@Test func sameInputGivesSameBytes() throws {
    let tex = #"\mathbb{E}_{q(z)}\left[\log \frac{p(x, z)}{q(z)}\right] \geq \sum_{i=1}^n \underbrace{x_i}_{\text{data}}"#
    let first = try MathMLConverter().convert(tex, display: true).mathML
    for _ in 0..<20 {
        #expect(try MathMLConverter().convert(tex, display: true).mathML == first)
    }
    #expect(!first.contains("\n") && !first.contains("> <"))
}
