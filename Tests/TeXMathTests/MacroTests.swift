import Testing
@testable import TeXMath

let klMacro = TeXMacro(parameterCount: 2, body: #"\mathrm{KL}(#1 \,\|\, #2)"#)

@Test func expandsMacroWithArguments() throws {
    let converter = MathMLConverter(macros: ["KL": klMacro, "E": TeXMacro(body: #"\mathbb{E}"#)])
    #expect(content(of: try converter.convert(#"\KL{q}{p}"#, display: false).mathML)
        == #"<mrow><mi>KL</mi><mo stretchy="false">(</mo><mi>q</mi><mspace width="0.1667em"/><mo lspace="0em" rspace="0em" stretchy="false">‖</mo>"#
        + #"<mspace width="0.1667em"/><mi>p</mi><mo stretchy="false">)</mo></mrow>"#)
    #expect(content(of: try converter.convert(#"\E_q x"#, display: false).mathML)
        == "<mrow><msub><mi>𝔼</mi><mi>q</mi></msub><mi>x</mi></mrow>")
}

@Test func parsesNewcommandDefinitions() throws {
    let macros = try TeXMacro.definitions(in: #"\newcommand{\KL}[2]{\mathrm{KL}(#1 \,\|\, #2)} \newcommand\R{\mathbb{R}}"#)
    #expect(macros["KL"] == klMacro)
    #expect(macros["R"] == TeXMacro(parameterCount: 0, body: #"\mathbb{R}"#))
    #expect(TeXMacro(body: "#2 + #1").parameterCount == 2)
}

@Test func frontMatterFormAcceptsBodiesAndDeclarations() throws {
    let macros = try TeXMacro.macros(fromFrontMatter: [
        "KL": #"\mathrm{KL}(#1 \,\|\, #2)"#, #"\R"#: #"\mathbb{R}"#, "ignored": #"\newcommand{\E}{\mathbb{E}}"#,
    ])
    #expect(macros["KL"] == klMacro)
    #expect(macros["R"]?.parameterCount == 0)
    #expect(macros["E"]?.body == #"\mathbb{E}"#)
}

@Test func errorsInsideMacrosPointAtTheUse() {
    let converter = MathMLConverter(macros: ["bad": TeXMacro(body: #"\foo"#), "loop": TeXMacro(body: #"\loop"#), "KL": klMacro])
    for (tex, message, column) in [
        (#"x + \bad"#, #"unknown command \foo"#, 5), (#"\loop"#, "macro expansion does not terminate", 1),
        (#"a \KL{q}"#, #"missing argument for \KL"#, 3),
    ] {
        #expect {
            _ = try converter.convert(tex, display: false)
        } throws: { error in
            (error as? TeXMathError).map { $0.message == message && $0.column == column } ?? false
        }
    }
}
