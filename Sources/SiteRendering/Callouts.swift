import LessonModel

/// Callouts, written as GitHub-style alerts in a block quote (`> [!NOTE]`, `> [!TIP]`, `> [!WARNING]`), become
/// titled boxes on the page, as in Quarto and mdBook.
enum Callouts {
    static let kinds = [("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("WARNING", "warning", "Warning")]
    private static let closing = Array("</blockquote>".utf8)

    /// `html` (cmark's output) with each alert block quote turned into an `<aside>`.
    static func apply(_ html: String) -> String {
        // Every opening holds `[!`: a page without those bytes has no callout (and nine searches of the whole page
        // were 4% of building 1,000 pages).
        guard html.containsBytes(Array("[!".utf8)) else { return html }
        var result = html
        for (marker, kind, title) in kinds {
            for opening in ["<blockquote>\n<p>[!\(marker)]\n", "<blockquote>\n<p>[!\(marker)]<br />\n", "<blockquote>\n<p>[!\(marker)] "] {
                // Byte searches: Foundation's `range(of:)` copied the whole page to UTF-16 for each of them.
                let openingBytes = Array(opening.utf8)
                while let start = result[...].firstByteRange(of: openingBytes) {
                    guard let end = result[start.upperBound...].firstByteRange(of: closing) else { break }
                    let inner = result[start.upperBound..<end.lowerBound]
                    result.replaceSubrange(start.lowerBound..<end.upperBound, with:
                        "<aside class=\"callout \(kind)\" role=\"note\"><p class=\"callout-title\">\(title)</p><p>" + inner + "</aside>")
                }
            }
        }
        return result
    }
}
