import LessonModel

extension PageContext {
    /// The outline (``outline(_:)``) followed by the extra pages, grouped by their part and chapter in the order
    /// they come; a group whose part is the outline's last part joins it.
    static func outline(_ outline: CourseOutline, extraPages: [(page: ExtraPage, title: String)]) -> [[String: Any]] {
        var context = Self.outline(outline)
        var groups: [(part: String, chapter: String)] = []
        for extra in extraPages where !groups.contains(where: { $0 == (extra.page.outlinePart, extra.page.outlineChapter) }) {
            groups.append((extra.page.outlinePart, extra.page.outlineChapter))
        }
        for group in groups {
            let links = extraPages.filter { ($0.page.outlinePart, $0.page.outlineChapter) == group }.map { extra in
                ["href": "\(extra.page.path).html", "title": HTMLText.escape(extra.title)]
            }
            let chapter: [String: Any] = ["chapter": group.chapter, "lessons": links]
            if let last = context.last, last["part"] as? String == group.part,
                var chapters = last["chapters"] as? [[String: Any]]
            {
                chapters.append(chapter)
                context[context.count - 1]["chapters"] = chapters
            } else {
                context.append(["part": group.part, "chapters": [chapter]])
            }
        }
        return context
    }
}
