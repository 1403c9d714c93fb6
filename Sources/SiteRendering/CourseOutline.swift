public import LessonModel

/// The course in reading order, grouped as the front matter says: parts, chapters, lessons.
public struct CourseOutline: Sendable {
    /// One lesson's place in the outline.
    public struct Entry: Sendable {
        /// File name without `.md`, e.g. `04-elbo`; the page is `<name>.html`.
        public var name: String
        public var title: String
        public var part: String
        public var chapter: String
        public var order: Int
    }

    /// Lessons in reading order: by `order`, then by file name.
    public let entries: [Entry]

    /// The outline of `lessons`.
    public init(_ lessons: [Lesson]) {
        entries = lessons.map { lesson in
            Entry(name: lesson.name, title: lesson.frontMatter.title, part: lesson.frontMatter.part ?? "",
                chapter: lesson.frontMatter.chapter ?? "", order: lesson.frontMatter.order ?? Int.max)
        }.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
    }

    /// Parts in order, each with its chapters in order, each with its lessons.
    public var parts: [(part: String, chapters: [(chapter: String, lessons: [Entry])])] {
        var result: [(part: String, chapters: [(chapter: String, lessons: [Entry])])] = []
        for entry in entries {
            if result.last?.part != entry.part { result.append((entry.part, [])) }
            if result[result.count - 1].chapters.last?.chapter != entry.chapter {
                result[result.count - 1].chapters.append((entry.chapter, []))
            }
            let chapter = result[result.count - 1].chapters.count - 1
            result[result.count - 1].chapters[chapter].lessons.append(entry)
        }
        return result
    }
}
