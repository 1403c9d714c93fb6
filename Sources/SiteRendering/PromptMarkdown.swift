import CMarkSupport
import Foundation
import LessonModel
import TeXMath

/// The prompt of a written-answer question (its cell's leading `//` comment) as HTML: Markdown with `$…$` math,
/// typeset as in the prose; the student copy's own instruction ("Answer here.") is left to the copy.
enum PromptMarkdown {
    /// Instructions at the end of a prompt that only make sense in the student's file.
    static let fileInstructions = ["Answer here.", "Answer in this comment."]

    /// The HTML of `text`, and the messages of formulas that do not typeset (shown as marked TeX).
    static func html(_ text: String, typesetter: TeXTypesetter) -> (html: String, problems: [String]) {
        var prompt = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for instruction in fileInstructions where prompt.hasSuffix(instruction) {
            prompt = String(prompt.dropLast(instruction.count)).trimmingCharacters(in: .whitespaces)
        }
        guard let spans = try? MathSpanScanner.spans(in: prompt), !spans.isEmpty else {
            return (MarkdownHTML.render(prompt), [])
        }
        var bytes = Array(prompt.utf8)
        var math: [String] = []
        var problems: [String] = []
        for span in spans.reversed() {
            do {
                math.append(try typesetter.mathML(span.tex, display: span.display))
            } catch {
                problems.append(error.message)
                math.append("<code class=\"math-error\" title=\"\(HTMLText.escape(error.message))\">\(HTMLText.escape(span.tex))</code>")
            }
            bytes.replaceSubrange(span.range, with: Array("LESSONSPROMPTMATH\(math.count - 1)X".utf8))
        }
        let html = HTMLScan.fill(MarkdownHTML.render(String(decoding: bytes, as: UTF8.self)), prefix: "LESSONSPROMPTMATH", with: math)
        return (html, problems.reversed())
    }
}
