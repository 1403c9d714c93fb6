import LessonModel

/// The values the Mustache templates see (`Assets/site/templates/*.mustache`), as dictionaries.
enum PageContext {
    /// What every page knows of the course (from `lessons.yml`): `courseTitle`, `authors` (a list of `name`),
    /// `authorLine` (names joined with commas), `language`, `siteURL` and `description` when given.
    static func course(_ settings: CourseSettings) -> [String: Any] {
        var context: [String: Any] = [
            "courseTitle": settings.title,
            "language": settings.language,
            "authors": settings.authors.map { ["name": $0] },
        ]
        if !settings.authors.isEmpty { context["authorLine"] = settings.authors.joined(separator: ", ") }
        if let url = settings.siteURL { context["siteURL"] = url }
        if let description = settings.description { context["description"] = description }
        return context
    }

    /// The number the first of `names` starts with, if each starts with a number and they count up by one
    /// (`04-elbo`, `05-variational-families`).
    static func lessonNumbers(_ names: [String]) -> Int? {
        let numbers = names.map { name in Int(name.prefix { $0.isASCII && $0.isNumber }) }
        guard let first = numbers.first ?? nil,
            numbers.enumerated().allSatisfy({ $0.element == first + $0.offset }) else { return nil }
        return first
    }

    /// The outline (parts, chapters, lessons) for the sidebar and the index.
    static func outline(_ outline: CourseOutline) -> [[String: Any]] {
        outline.parts.map { part in
            [
                "part": part.part,
                "chapters": part.chapters.map { chapter in
                    var context: [String: Any] = [
                        "chapter": chapter.chapter,
                        "lessons": chapter.lessons.map { entry in
                            ["href": "\(entry.name).html", "title": HTMLText.escape(entry.title)]
                        },
                    ]
                    // Lessons named by number (`04-elbo`) keep their numbers on the index, as the prose says
                    // "lesson 4"; other chapters are plain lists, so that no chapter restarts at "1.".
                    if let start = lessonNumbers(chapter.lessons.map(\.name)) { context["start"] = String(start) }
                    return context
                },
            ]
        }
    }

    /// The sidebar's HTML for the page `name`: the outline rendered once, with this page's link marked current.
    static func outlineHTML(_ rendered: String, current name: String) -> String {
        HTMLScan.replacingFirst("<a href=\"\(name).html\">", with: "<a href=\"\(name).html\" aria-current=\"page\">", in: rendered)
    }

    static func lesson(
        _ entry: CourseOutline.Entry, page: LessonPageRenderer.Page, outlineHTML: String,
        previous: CourseOutline.Entry?, next: CourseOutline.Entry?, settings: CourseSettings
    ) -> [String: Any] {
        var context = course(settings)
        context.merge([
            "title": HTMLText.escape(entry.title),
            "part": HTMLText.escape(entry.part),
            "chapter": HTMLText.escape(entry.chapter),
            "outlineHTML": outlineHTML,
            "toc": page.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
                ["id": heading.id, "html": stripAnchors(heading.html), "level3": heading.level == 3] as [String: Any]
            },
            "body": page.body,
        ]) { _, new in new }
        if let previous { context["previous"] = ["href": "\(previous.name).html", "title": HTMLText.escape(previous.title)] }
        if let next { context["next"] = ["href": "\(next.name).html", "title": HTMLText.escape(next.title)] }
        return context
    }

    static func index(_ outline: CourseOutline, settings: CourseSettings) -> [String: Any] {
        var context = course(settings)
        context["outline"] = Self.outline(outline)
        context["first"] = outline.entries.first.map { ["href": "\($0.name).html", "title": HTMLText.escape($0.title)] } as Any
        return context
    }

    /// Heading HTML for the table of contents (no nested links).
    static func stripAnchors(_ html: String) -> String {
        var result = html
        while let start = result.range(of: "<a "), let end = result.range(of: "</a>", range: start.upperBound..<result.endIndex) {
            result.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return result
    }
}
