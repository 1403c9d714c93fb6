import Foundation
import LessonModel

/// Puts a cell's SVG figures into the page itself, numbered, each with its own caption (the image's alternative
/// text, which `lessons run` writes from `show(_:caption:)` or the cell's `caption` option) as `<figcaption>` and
/// as the figure's accessible name. A figure without a caption, with the placeholder `lessons run` writes when
/// there is none ("Figure 2 of cell x"), or with the caption of another figure on the page is a problem. Inline SVG follows the page's colours (the plots draw with `currentColor`), so
/// figures work in dark mode and from `file://`.
struct FigureInliner {
    /// The folder the lesson's relative figure paths start from (`Lessons/`).
    let baseDirectory: URL
    /// Figures numbered so far on this page.
    private(set) var count = 0
    /// Figure files that could not be read: (path, problem).
    private(set) var missing: [String] = []
    /// The number of each cell's first figure, by cell id (what `@fig:<cell id>` in the prose refers to).
    private(set) var firstFigure: [String: Int] = [:]
    /// The numbers of every figure each cell draws, in order (`@fig-<cell id>-2` cites the second).
    private(set) var figuresOfCell: [String: [Int]] = [:]
    /// Figures whose caption is missing, a placeholder or a duplicate: (cell, figure number, problem).
    private(set) var captionProblems: [(cell: CodeCell, figure: Int, problem: String)] = []
    /// The figure number of each caption used so far on this page.
    private var captions: [String: Int] = [:]

    init(baseDirectory: URL) { self.baseDirectory = baseDirectory }

    /// `html` (cmark's rendering of an output block) with each `<img src="….svg" alt="…" />` paragraph replaced
    /// by a numbered `<figure>`.
    private static let imageOpening = Array("<p><img src=\"".utf8), imageClosing = Array(" /></p>".utf8)

    mutating func inline(in html: String, cell codeCell: CodeCell) -> String {
        let cell = codeCell.id
        var result = ""
        var rest = html[...]
        // Byte searches: Foundation's `range(of:)` copied the rest of the page to UTF-16 for each figure.
        while let start = rest.firstByteRange(of: Self.imageOpening) {
            guard let srcEnd = rest[start.upperBound...].firstIndex(of: "\""),
                let close = rest[srcEnd...].firstByteRange(of: Self.imageClosing)
            else { break }
            let src = String(rest[start.upperBound..<srcEnd])
            let attributes = rest[srcEnd..<close.lowerBound]
            var alt = ""
            if let altStart = attributes.range(of: "alt=\""), let altEnd = attributes[altStart.upperBound...].firstIndex(of: "\"") {
                alt = String(attributes[altStart.upperBound..<altEnd])
            }
            result += rest[..<start.lowerBound]
            count += 1
            if firstFigure[cell] == nil { firstFigure[cell] = count }
            figuresOfCell[cell, default: []].append(count)
            let label = alt.trimmingCharacters(in: .whitespaces)
            if let problem = Self.problem(with: label, cell: cell, earlier: captions[label]) {
                captionProblems.append((codeCell, count, problem))
            }
            if captions[label] == nil { captions[label] = count }
            let svg = (try? String(contentsOf: baseDirectory.appendingPathComponent(src), encoding: .utf8)).map(Self.accessible)
            if svg == nil { missing.append(src) }
            result += "<figure class=\"figure\" id=\"figure-\(count)\" aria-labelledby=\"figure-\(count)-caption\">"
                + (svg.map { Self.labelled($0, by: "figure-\(count)-caption") } ?? "<p class=\"missing\">missing figure \(HTMLText.escape(src))</p>")
                + "<figcaption id=\"figure-\(count)-caption\"><span class=\"figure-number\">Figure \(count).</span> \(label)</figcaption></figure>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// What is wrong with `caption` (escaped HTML text), the caption of a figure of `cell`, if anything.
    static func problem(with caption: String, cell: String, earlier: Int?) -> String? {
        if caption.isEmpty { return "has no caption" }
        if isPlaceholder(caption) { return "has the placeholder caption \"\(caption)\"" }
        if let earlier { return "has the same caption as Figure \(earlier) (\"\(caption)\")" }
        return nil
    }

    /// Whether `caption` is what `lessons run` writes for a figure without one: "Figure 2 of cell x".
    static func isPlaceholder(_ caption: String) -> Bool {
        let words = caption.split(separator: " ")
        return words.count == 5 && words[0] == "Figure" && Int(words[1]) != nil && words[2] == "of" && words[3] == "cell"
    }

    /// The SVG without its XML prolog.
    static func accessible(_ svg: String) -> String {
        var text = svg[...]
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = text[end.upperBound...] }
        return trimmed(text)
    }

    /// `text` without the white space and line breaks at its ends: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, looking at the ends alone (Foundation's copies a
    /// whole figure through UTF-16, a quarter of a preview rebuild of a lesson with many figures).
    static func trimmed(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        let blank = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !blank.contains($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !blank.contains($0) })!
        return String(scalars[first...last])
    }

    /// The SVG marked as one image named by the caption `id` (its `<title>`, if any, dropped: the caption says it).
    static func labelled(_ svg: String, by id: String) -> String {
        guard let open = svg[...].firstByteRange(of: Array("<svg ".utf8)), let close = svg[open.upperBound...].firstIndex(of: ">") else { return svg }
        let role = svg[open.upperBound..<close].contains("role=") ? "" : "role=\"img\" "
        var text = svg
        text.replaceSubrange(open, with: "<svg \(role)aria-labelledby=\"\(id)\" ")
        return text
    }
}
