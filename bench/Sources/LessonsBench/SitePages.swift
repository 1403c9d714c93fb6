import Foundation
import LessonModel

/// Writes `count` generated lesson pages for the site benchmark (bench/site), in three forms:
/// `DIR/lessons/Lessons/NNNN.md` (lessons with filled outputs, for `lessons build`), `DIR/hugo/content/NNNN.md`
/// and `DIR/mkdocs/docs/NNNN.md` (the same text as plain Markdown: math left as text, cells as code blocks).
/// Each page has a few screens of prose, 20 math spans and 5 code cells with text outputs.
func writeSitePages(count: Int, directory: String) throws {
    let root = URL(fileURLWithPath: directory)
    let lessons = root.appendingPathComponent("lessons/Lessons"), hugo = root.appendingPathComponent("hugo/content")
    let mkdocs = root.appendingPathComponent("mkdocs/docs")
    for folder in [lessons, hugo, mkdocs] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    let formulas = [
        #"\log p(x) = \mathrm{ELBO}(q) + \mathrm{KL}(q \,\|\, p(z \mid x))"#, #"p(x) = \prod_{i=1}^{D} p(x_i \mid x_{<i})"#,
        #"\frac{\partial \mathcal{L}}{\partial \theta}"#, #"\mathbb{E}_{q}[\log p(x \mid z)] - \mathrm{KL}(q \,\|\, p(z))"#,
        #"\sum_{k=1}^{K} \pi_k \mathcal{N}(x; \mu_k, \sigma_k^2)"#,
    ]
    for page in 0..<count {
        var text = "# Generated lesson \(page)\n\n"
        var plain = text
        for section in 0..<5 {
            let prose = """
                ## Section \(section)

                The evidence lower bound is a quantity we can compute from the model alone, and maximizing it over \
                the variational family minimizes the divergence to the posterior. Each step of the argument uses \
                only the definition of conditional probability and the linearity of expectations, so it can be \
                checked numerically on a model whose evidence is exact.

                Autoregressive models factor the joint distribution into conditionals, one for each pixel, and \
                learn each conditional with a network whose connections respect the ordering.


                """
            text += prose
            plain += prose
            for k in 0..<4 {
                let tex = formulas[(page + section + k) % formulas.count]
                let sentence = k == 3 ? "\n$$\n\(tex)\n$$\n\n" : "Here $\(tex)$ holds for term \(k). "
                text += sentence
                plain += sentence
            }
            text += "\n\n"
            plain += "\n\n"
            // Every cell's code is its own (the page and section are in it), as in a real course: no highlighter
            // may find a block it has already highlighted.
            let code = """
                let values = (0..<100).map { Double($0) * 0.5 }
                let total = values.reduce(0, +)
                print("page \(page), section \(section): total", total)
                """
            let block = ["", "```output", "page \(page), section \(section): total 2475.0", "```", ""]
            let content = OutputMarker.contentHash(of: block.map { Array($0.utf8) })
            text += "```{swift}\n//| id: cell-\(section)\n\(code)\n```\n\n<!-- lessons:output id=cell-\(section) hash=0000000000000000 status=ok content=\(content) -->\n"
                + block.joined(separator: "\n") + "\n<!-- lessons:end -->\n\n"
            plain += "```swift\n\(code)\n```\n\n```\npage \(page), section \(section): total 2475.0\n```\n\n"
        }
        let name = String(format: "%04d", page)
        let front = "---\ntitle: Generated lesson \(page)\npart: Part \(page / 100)\nchapter: Chapter \(page / 10)\norder: \(page)\n---\n\n"
        try (front + text).write(to: lessons.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
        try ("---\ntitle: \"Generated lesson \(page)\"\n---\n\n" + plain).write(
            to: hugo.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
        try plain.write(to: mkdocs.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
    }
}
