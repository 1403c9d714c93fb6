public import LessonModel

/// The course in reading order, grouped into parts, chapters and lessons: by the outline of `lessons.yml` when it
/// has one, else as the front matter says.
public struct CourseOutline: Sendable {
    /// One lesson's place in the outline.
    public struct Entry: Sendable {
        /// File name without `.md`, e.g. `04-elbo`; the page is `<name>.html`.
        public var name: String
        /// The lesson's title (front matter `title`).
        public var title: String
        /// The part's heading: from the outline of `lessons.yml`, else front matter `part`.
        public var part: String
        /// The chapter's heading (front matter `chapter`).
        public var chapter: String
        /// Front matter `order`, or `Int.max` when absent.
        public var order: Int
    }

    /// Lessons in reading order: those the settings' outline lists, in its order; then the rest by `order`, then
    /// by file name.
    public let entries: [Entry]

    /// The outline of `lessons`, ordered by `settings`' outline when it has one.
    public init(_ lessons: [Lesson], settings: CourseSettings? = nil) {
        let keyed = lessons.map { lesson in
            let place = settings?.outlinePlace(of: lesson.name)
            let entry = Entry(name: lesson.name, title: lesson.frontMatter.title,
                part: place?.part ?? lesson.frontMatter.part ?? "",
                chapter: lesson.frontMatter.chapter ?? "", order: lesson.frontMatter.order ?? Int.max)
            return (listed: place?.position ?? Int.max, entry: entry)
        }
        entries = keyed.sorted { ($0.listed, $0.entry.order, $0.entry.name) < ($1.listed, $1.entry.order, $1.entry.name) }
            .map(\.entry)
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
