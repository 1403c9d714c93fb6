import Foundation
import LessonModel
import Testing
@testable import SiteRendering

/// Issue 17: what a student sees of cells, figures and long equations.
@Suite struct StudentViewTests {
    func cell(_ id: String, _ source: String, _ options: CellOptions = CellOptions()) -> CodeCell {
        CodeCell(index: 0, id: id, options: options, source: source, openingFenceLine: 7, closingFenceLine: 9)
    }

    @Test func eachFigureHasItsOwnCaptionAndProblemsAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figures-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><title>t</title></svg>"#
        for name in ["a.svg", "b.svg", "c.svg", "d.svg"] { try svg.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        var inliner = FigureInliner(baseDirectory: folder)
        let html = inliner.inline(in: #"<p><img src="a.svg" alt="Loss per step" /></p><p><img src="b.svg" alt="Accuracy per step" /></p>"#,
            cell: cell("curves", ""))
        #expect(html.contains(#"<figcaption id="figure-1-caption"><span class="figure-number">Figure 1.</span> Loss per step</figcaption>"#))
        #expect(html.contains(#"<figcaption id="figure-2-caption"><span class="figure-number">Figure 2.</span> Accuracy per step</figcaption>"#))
        #expect(html.contains(#"<svg aria-labelledby="figure-2-caption" xmlns"#), "the figure is named by its own caption, role kept once")
        #expect(inliner.captionProblems.isEmpty)
        _ = inliner.inline(in: #"<p><img src="c.svg" alt="Figure 1 of cell other" /></p><p><img src="d.svg" alt="Loss per step" /></p>"#,
            cell: cell("other", ""))
        #expect(inliner.captionProblems.map(\.figure) == [3, 4])
        #expect(inliner.captionProblems.map(\.cell.openingFenceLine) == [7, 7])
        #expect(inliner.captionProblems[0].problem.contains("placeholder"))
        #expect(inliner.captionProblems[1].problem.contains("same caption as Figure 1"))
    }

    @Test func hiddenTestsAreOneLineAndPointsAgree() {
        var options = CellOptions()
        options.test = "mask"
        options.points = 1
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        #expect(renderer.html(for: cell("hidden", "//| test: mask\n", options), outputMarkdown: nil)
            == #"<p class="cell hidden-test" id="cell-hidden">Hidden test of <code>mask</code> · 1 point — runs when graded</p>"#)
        let visible = renderer.html(for: cell("visible", "check(mask(3))\n", options), outputMarkdown: nil)
        #expect(visible.contains("Test of <code>mask</code> · 1 point</span><button class=\"wrap\""))
        #expect(visible.contains("<button class=\"copy\" type=\"button\" aria-label=\"Copy the code of cell visible\">Copy</button></div>"),
            "Copy sits in the cell header, not over the code")
        #expect(CellRenderer.points(2) == "2 points" && CellRenderer.points(0.5) == "0.5 points")
    }

    @Test func writtenAnswerQuestionsReadAsProse() {
        var options = CellOptions()
        options.exercise = "ordering"
        options.manual = true
        options.points = 2
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        let html = renderer.html(for: cell("question", "// Explain in two sentences why the\n// ordering matters. Answer here.\n", options),
            outputMarkdown: nil)
        #expect(html.contains("<div class=\"question\"><p>Explain in two sentences why the\nordering matters.</p>\n</div>"),
            "the copy's own instruction, 'Answer here.', stays in the copy")
        #expect(!html.contains("<pre>"), "no code box for a question without code")
        #expect(html.contains("Written answer <code>ordering</code> · 2 points"))
    }

    @Test func writtenAnswerPromptsTypesetTheirMath() {
        var options = CellOptions()
        options.exercise = "bound"
        options.manual = true
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        let html = renderer.html(for: cell("bound", "// Why is $\\log p_\\theta(x)$ **bounded**? Answer in this comment.\n", options),
            outputMarkdown: nil)
        #expect(html.contains("<div class=\"question\"><p>Why is <math"), "\(html)")
        #expect(html.contains("<strong>bounded</strong>?</p>") && !html.contains("$") && !html.contains("Answer in this comment"))
        _ = renderer.html(for: cell("broken", "// What is $\\frac{1$?\n", options), outputMarkdown: nil)
        #expect(renderer.promptProblems.map(\.cell.id) == ["broken"])
    }

    @Test(arguments: [
        (#"a = b + c = d"#, nil as String?),
        (#"\varphi \propto \exp(x - y), \qquad m = \frac{1}{2}, \qquad s = 3"#,
         #"\begin{aligned}\varphi &\propto \exp(x - y), \\ m &= \frac{1}{2}, \\ s &= 3\end{aligned}"#),
        (#"\log p(x) = \mathbb{E}_q[\log p(x, z)] - \mathbb{E}_q[\log q(z)] + \mathrm{KL}(q \,\|\, p) \label{eq:x}"#,
         #"\begin{aligned}\log p(x) &= \mathbb{E}_q[\log p(x, z)] \\ &\quad - \mathbb{E}_q[\log q(z)] \\ &\quad + \mathrm{KL}(q \,\|\, p)\end{aligned}"#),
        (#"\begin{aligned} a &= b \end{aligned}"#, nil),
        (#"\mathrm{KL}(\mathcal{N}(m_1, s_1^2) \,\|\, \mathcal{N}(m_2, s_2^2)) = \log \frac{s_2}{s_1} + \frac12"#,
         #"\begin{aligned}&\mathrm{KL}(\mathcal{N}(m_1, s_1^2) \,\|\, \mathcal{N}(m_2, s_2^2)) \\ &\quad = \log \frac{s_2}{s_1} + \frac12\end{aligned}"#),
    ])
    func longDisplaysBreakAtRelations(tex: String, expected: String?) {
        if let expected {
            #expect(DisplayBreaks.narrow(tex) == expected)
        } else if tex.contains("aligned") {
            #expect(DisplayBreaks.narrow(tex) == nil)
        } else {
            #expect(DisplayBreaks.narrow(tex) == #"\begin{aligned}a &= b + c \\ &= d\end{aligned}"#)
        }
    }
}
