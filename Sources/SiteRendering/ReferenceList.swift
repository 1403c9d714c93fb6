import Foundation
import LessonModel

/// A lesson's References: the works its citations name and nothing else, in author–year order, each cited in the
/// text as author and year (APA style: `Kingma & Welling, 2014`, `van den Oord et al., 2016a`, the letters telling
/// apart one author's works of a year in this list).
struct ReferenceList {
    /// The cited works, in list order: first author's family name, then the other authors, year, title, key.
    let works: [Bibliography.Work]
    /// Each key's author part (`van den Oord et al.`) and year with its letter (`2016a`).
    private(set) var labels: [String: (authors: String, year: String)] = [:]

    /// The list of the works `keys` name that `bibliography` has (unknown keys are left out: the caller reports them).
    init(citing keys: [String], in bibliography: Bibliography) {
        let cited = Set(keys).compactMap { bibliography.works[$0] }
        works = cited.sorted { Self.sortKey($0).lexicographicallyPrecedes(Self.sortKey($1)) }
        var sameLabel: [String: [String]] = [:]
        for work in works { sameLabel["\(Self.authorPart(work))\u{0}\(work.year)", default: []].append(work.key) }
        for work in works {
            let group = sameLabel["\(Self.authorPart(work))\u{0}\(work.year)"] ?? []
            let letter = group.count > 1 ? String(UnicodeScalar(UInt8(97 + group.firstIndex(of: work.key)! % 26))) : ""
            labels[work.key] = (Self.authorPart(work), work.year + letter)
        }
    }

    /// The id of a work's entry on the page.
    static func anchor(_ key: String) -> String { "ref-" + PlainText.slug(key) }

    /// A citation's HTML: `(A, 2014; B et al., 2017, p. 3)`, or `A (2014)` in the sentence; each author–year links
    /// to its entry.
    func html(for citation: Citations.Citation) -> String {
        if citation.narrative, let item = citation.items.first {
            let label = labels[item.key] ?? (item.key, "?")
            let locator = item.suffix.isEmpty ? "" : ", " + HTMLText.escape(item.suffix)
            return link(item.key, "\(HTMLText.escape(label.authors)) (\(label.year)\(locator))")
        }
        let parts = citation.items.map { item -> String in
            let label = labels[item.key] ?? (item.key, "?")
            var text = item.prefix.isEmpty ? "" : HTMLText.escape(item.prefix) + " "
            text += link(item.key, "\(HTMLText.escape(label.authors)), \(label.year)")
            if !item.suffix.isEmpty {
                text += (item.suffix.hasPrefix(",") ? "" : " ") + HTMLText.escape(item.suffix)
            }
            return text
        }
        return "(" + parts.joined(separator: "; ") + ")"
    }

    private func link(_ key: String, _ text: String) -> String {
        "<a class=\"citation\" href=\"#\(Self.anchor(key))\">\(text)</a>"
    }

    /// The list as HTML: one entry per work, with its DOI or address as a link.
    var html: String {
        var html = "<ul class=\"references\">\n"
        for work in works {
            // `and others` at the end of the authors (as in BibTeX) reads "et al.".
            let others = work.authors.count > 1 && work.authors.last == Bibliography.Author("others")
            let authors = (others ? work.authors.dropLast() : work.authors[...])
                .map { $0.given.isEmpty ? $0.family : "\($0.family), \($0.given)" }
            let names = others ? authors.joined(separator: ", ") + ", et al."
                : authors.count <= 1 ? authors.joined() : authors.dropLast().joined(separator: ", ") + ", & " + authors.last!
            var entry = "\(HTMLText.escape(names)) (\(labels[work.key]?.year ?? work.year)). \(HTMLText.escape(Self.sentence(work.title)))"
            if !work.venue.isEmpty { entry += " <em>\(HTMLText.escape(work.venue))</em>." }
            if let link = work.link {
                entry += " <a href=\"\(HTMLText.escape(link))\">\(HTMLText.escape(link))</a>"
            }
            html += "<li id=\"\(Self.anchor(work.key))\">\(entry)</li>\n"
        }
        return html + "</ul>\n"
    }

    /// `text` ending with a full stop (unless it already ends with `.`, `?` or `!`).
    static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }

    /// The author part of a citation: `Bishop`, `Ng & Jordan`, `Blei et al.`.
    static func authorPart(_ work: Bibliography.Work) -> String {
        switch work.authors.count {
        case 1: work.authors[0].family
        case 2: "\(work.authors[0].family) & \(work.authors[1].family)"
        default: "\(work.authors[0].family) et al."
        }
    }

    /// What the list is ordered by: names folded (case, accents), year, title and key.
    static func sortKey(_ work: Bibliography.Work) -> [String] {
        let fold = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let names = work.authors.map { fold($0.family) + "\u{1}" + fold($0.given) }.joined(separator: "\u{2}")
        return [names, work.year, fold(work.title), work.key]
    }
}
