import Foundation
import LessonModel

/// Puts a cell's SVG figures into the page itself, numbered, with the caption as `<figcaption>` and as the
/// figure's accessible name. Inline SVG follows the page's colours (the plots draw with `currentColor`), so
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

    init(baseDirectory: URL) { self.baseDirectory = baseDirectory }

    /// `html` (cmark's rendering of an output block) with each `<img src="….svg" alt="…" />` paragraph replaced
    /// by a numbered `<figure>`.
    mutating func inline(in html: String, caption: String?, cell: String) -> String {
        var result = ""
        var rest = html[...]
        while let start = rest.range(of: "<p><img src=\"") {
            guard let srcEnd = rest[start.upperBound...].firstIndex(of: "\""),
                let close = rest[srcEnd...].range(of: " /></p>")
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
            let label = caption.map(HTMLText.escape) ?? alt
            let svg = (try? String(contentsOf: baseDirectory.appendingPathComponent(src), encoding: .utf8)).map(Self.accessible)
            if svg == nil { missing.append(src) }
            result += "<figure class=\"figure\" id=\"figure-\(count)\" role=\"group\" aria-label=\"Figure \(count): \(label)\">"
                + (svg ?? "<p class=\"missing\">missing figure \(HTMLText.escape(src))</p>")
                + "<figcaption><span class=\"figure-number\">Figure \(count).</span> \(label)</figcaption></figure>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The SVG without its XML prolog, marked as an image named by its caption.
    static func accessible(_ svg: String) -> String {
        var text = svg
        if text.hasPrefix("<?xml"), let end = text.range(of: "?>") { text = String(text[end.upperBound...]) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "<svg ", with: "<svg role=\"img\" aria-hidden=\"false\" ", options: [], range: nil)
    }
}
