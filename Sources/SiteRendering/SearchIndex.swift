import Foundation
import LessonModel

/// The search index: one entry per section (the text under a heading) of every page, shipped as a script
/// (`search-index.js` sets `window.LESSONS_SEARCH`) so that search works from `file://` without fetching.
struct SearchIndex {
    struct Entry: Encodable, Sendable {
        /// Page and anchor, e.g. `04-elbo.html#the-derivation`.
        var url: String
        /// Lesson title.
        var lesson: String
        /// Heading of the section.
        var heading: String
        /// The section's text (prose, code and outputs), without markup.
        var text: String
        /// The stems of the heading's, the lesson title's and the text's words, each once, space-separated
        /// (``SearchFolding/stems(_:stemmer:)``): a query's words match these whole.
        var headingStems: String
        var lessonStems: String
        var textStems: String
    }

    /// One page's entries, and the same encoded as the index's JSON does (objects separated by commas, no brackets;
    /// nil if they do not encode), so that a build that keeps a page's entries keeps their JSON too.
    struct PageEntries: Sendable {
        var entries: [Entry]
        var json: String?

        init(_ entries: [Entry]) {
            self.entries = entries
            let encoder = SearchIndex.encoder
            json = try? entries.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: ",")
        }

        /// The entries of `parts` one after the other (a page's, from its sections').
        init(joining parts: [PageEntries]) {
            entries = parts.flatMap(\.entries)
            let nonEmpty = parts.filter { !$0.entries.isEmpty }
            json = nonEmpty.contains { $0.json == nil } ? nil : nonEmpty.map { $0.json! }.joined(separator: ",")
        }
    }

    private var pages: [PageEntries] = []

    /// Every entry, in page order.
    var entries: [Entry] { pages.flatMap(\.entries) }

    /// Adds a page's entries (``entries(page:lessonTitle:body:headings:cache:)``) after those already in.
    mutating func append(_ pageEntries: PageEntries) {
        pages.append(pageEntries)
    }

    /// A page's entries: its body split at its headings, one entry per section; kept in `cache` when there is one
    /// (the body and title decide them), and each section's entry too, so that an edit makes only the sections it
    /// touched again.
    static func entries(
        page: String, lessonTitle: String, body: String, headings: [HeadingAnchors.Heading], cache: SiteRenderCache? = nil
    ) -> PageEntries {
        let make = {
            PageEntries(joining: sections(body: body, headings: headings).map { section, html in
                guard let cache else { return PageEntries(entry(page: page, lessonTitle: lessonTitle, section: section, html: html)) }
                let key = [page, lessonTitle, section?.id ?? "\u{0}", section?.text ?? "\u{0}", String(html)].map(ExactText.init)
                return cache.searchSection(key) {
                    PageEntries(entry(page: page, lessonTitle: lessonTitle, section: section, html: html))
                }
            })
        }
        guard let cache else { return make() }
        return cache.searchEntries(.init(page: ExactText(page), lessonTitle: ExactText(lessonTitle), body: ExactText(body)), make: make)
    }

    /// The page's sections: the HTML before the first heading (no section), then under each heading (its id and
    /// text) up to the next.
    private static func sections(body: String, headings: [HeadingAnchors.Heading])
        -> [(section: (id: String, text: String)?, html: Substring)]
    {
        var sections: [(section: (id: String, text: String)?, html: Substring)] = []
        var sectionStart = body.startIndex
        var current: (id: String, text: String)? = nil
        for heading in headings {
            let marker = Array("<h\(heading.level) id=\"\(heading.id)\">".utf8)
            guard let range = body[sectionStart...].firstByteRange(of: marker) else { continue }
            sections.append((current, body[sectionStart..<range.lowerBound]))
            current = (heading.id, heading.text)
            sectionStart = range.upperBound
        }
        return sections + [(current, body[sectionStart...])]
    }

    /// The entry of one section (none for empty text before the first heading).
    private static func entry(page: String, lessonTitle: String, section: (id: String, text: String)?, html: Substring) -> [Entry] {
        // Math is already its readable text; a backslash left is code's (`"\\(x)"`, `"\\n"`), which search shows
        // without it.
        // (A backslash is one byte of UTF-8 that is part of no other character: dropping the byte drops the character.)
        let plain = PlainText.of(String(html))
        let text = plain.utf8.contains(0x5C) ? String(decoding: plain.utf8.filter { $0 != 0x5C }, as: UTF8.self) : plain
        guard !text.isEmpty || section != nil else { return [] }
        let heading = section?.text ?? lessonTitle
        func stems(_ text: String) -> String { SearchFolding.stems(text).joined(separator: " ") }
        return [Entry(url: section.map { "\(page)#\($0.id)" } ?? page, lesson: lessonTitle,
            heading: heading, text: text, headingStems: stems(heading), lessonStems: stems(lessonTitle),
            textStems: stems(text))]
    }

    /// How the index is encoded: sorted keys, slashes as they are, no spaces.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The script text: deterministic (sorted keys, entries in page order), with the stemmer's rules, which the
    /// site's script applies to queries.
    /// The entries' JSON is the pages' JSON put together: the same bytes as the whole array encoded at once.
    func script() throws -> String {
        var fragments: [String] = []
        for page in pages where !page.entries.isEmpty {
            fragments.append(try page.json
                ?? page.entries.map { String(decoding: try Self.encoder.encode($0), as: UTF8.self) }.joined(separator: ","))
        }
        let json = "[" + fragments.joined(separator: ",") + "]"
        let rules = String(decoding: try Self.encoder.encode(SearchStemmer.standard), as: UTF8.self)
        return "// Generated by `lessons build`: the search index of the site and the stemmer's rules.\n"
            + "window.LESSONS_STEMMER = \(rules);\nwindow.LESSONS_SEARCH = \(json);\n"
    }
}
