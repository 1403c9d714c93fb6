import LessonModel

/// Gives every heading of a rendered page an `id` (from its text, unique on the page) and lists them for the
/// table of contents and the search index.
struct HeadingAnchors {
    /// A heading of the page.
    struct Heading: Sendable {
        var level: Int
        var id: String
        /// The heading's HTML content (may contain math).
        var html: String
        /// Its text without tags.
        var text: String
    }

    private(set) var headings: [Heading] = []
    /// Each anchor's label names its heading through a placeholder, `LESSONSANCHOR<n>X`, filled by ``labels(_:)``
    /// once the heading's math and values are in (``Heading/text`` then reads as the page shows it).
    static let labelPrefix = "LESSONSANCHOR"

    /// `html` with each anchor's label placeholder replaced by its heading's text.
    static func labels(_ html: String, headings: [Heading]) -> String {
        HTMLScan.fill(html, prefix: labelPrefix, with: headings.map { HTMLText.escape($0.text) })
    }
    private var used: Set<String> = []
    private static let headingOpening = Array("<h".utf8)

    /// `html` with ids on `<h1>`…`<h4>` (cmark writes them as `<hN>content</hN>`), each with a "#" link to itself
    /// that shows on hover and is no Tab stop (the table of contents links every section).
    mutating func annotate(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        // Byte searches: Foundation's `range(of:)` copied the rest of the page to UTF-16 at every "<h".
        while let open = rest.firstByteRange(of: Self.headingOpening) {
            let afterTag = rest[open.upperBound...]
            guard let levelCharacter = afterTag.first, let level = Int(String(levelCharacter)), (1...4).contains(level),
                afterTag.dropFirst().first == ">",
                let close = afterTag.firstByteRange(of: Array("</h\(level)>".utf8))
            else {
                result += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let content = String(afterTag[afterTag.index(afterTag.startIndex, offsetBy: 2)..<close.lowerBound])
            let text = PlainText.of(content)
            let id = unique(PlainText.slug(text))
            headings.append(Heading(level: level, id: id, html: content, text: text))
            result += rest[..<open.lowerBound]
            result += "<h\(level) id=\"\(id)\">\(content)<a class=\"anchor\" href=\"#\(id)\" tabindex=\"-1\" aria-label=\"Link to the section “\(Self.labelPrefix)\(headings.count - 1)X”\">#</a></h\(level)>"
            rest = afterTag[close.upperBound...]
        }
        result += rest
        return result
    }

    /// Reserves an id that the page uses for something else (cells, figures).
    mutating func reserve(_ id: String) { used.insert(id) }

    private mutating func unique(_ base: String) -> String {
        var candidate = base.isEmpty ? "section" : base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}
