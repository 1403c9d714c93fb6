import LessonModel

/// A page of the site that is not a lesson, such as a page of the LessonKit reference: Markdown rendered like a
/// lesson (math, highlighted code, search), listed in the outline after the lessons under its own part.
public struct ExtraPage: Sendable {
    /// The page's path in the site without `.html`, e.g. `reference/distributions`.
    public var path: String
    /// The page's Markdown: front matter with `title`, then prose and `swift` blocks (no cells are run).
    public var markdown: String
    /// The part it is listed under in the outline, e.g. `Reference`.
    public var outlinePart: String
    /// The chapter within that part, e.g. `LessonKit`.
    public var outlineChapter: String

    /// Creates a page.
    public init(path: String, markdown: String, outlinePart: String, outlineChapter: String) {
        self.path = path
        self.markdown = markdown
        self.outlinePart = outlinePart
        self.outlineChapter = outlineChapter
    }

    /// `html` as it reads from a page `depth` folders below the site's root: every relative `href`, `src` and `data-index`
    /// (not `#…`, not absolute, not `http:`, `https:`, `mailto:` or `data:`) gets `../` per level.
    static func relocating(_ html: String, depth: Int) -> String {
        guard depth > 0 else { return html }
        let up = String(repeating: "../", count: depth)
        var result = html
        for attribute in ["href", "src", "data-index"] {
            var pieces = result.components(separatedByBytes: " \(attribute)=\"")
            for index in pieces.indices.dropFirst() {
                let value = pieces[index]
                let isRelative = !(value.hasPrefix("#") || value.hasPrefix("/") || value.hasPrefix("http:")
                    || value.hasPrefix("https:") || value.hasPrefix("mailto:") || value.hasPrefix("data:"))
                if isRelative { pieces[index] = up + value }
            }
            result = pieces.joined(separator: " \(attribute)=\"")
        }
        return result.replacingBytes(of: "<body>", with: "<body data-root=\"\(up)\">")
    }
}
