/// A course's settings, read from `lessons.yml` at the project root: what the site shows about the course and,
/// optionally, the order of its parts and lessons.
public struct CourseSettings: Hashable, Sendable {
    /// One part of the outline: a heading and the lessons under it, in reading order.
    public struct Part: Hashable, Sendable {
        /// The part's heading; nil for lessons listed at the top level (they keep their front matter's `part`).
        public var title: String?
        /// The part's lessons in reading order.
        public var lessons: [LessonReference]

        /// Creates a part.
        public init(title: String?, lessons: [LessonReference]) {
            self.title = title
            self.lessons = lessons
        }
    }

    /// A lesson named in the outline, with where it is named (for diagnostics).
    public struct LessonReference: Hashable, Sendable {
        /// The lesson's file name without `.md`, e.g. `01-first-lesson`.
        public var name: String
        /// Where the name is written in `lessons.yml`.
        public var location: SourceLocation

        /// Creates a reference to lesson `name` written at `location`.
        public init(name: String, location: SourceLocation) {
            self.name = name
            self.location = location
        }
    }

    /// The settings file's name, at the project root.
    public static let fileName = "lessons.yml"

    /// The course title, shown on every page.
    public var title: String
    /// The course's authors, in the order given.
    public var authors: [String]
    /// The language of the lessons as a BCP 47 tag (`en`, `de-CH`); the pages' `lang`.
    public var language: String
    /// Where the site is published (`https://…/`), if known.
    public var siteURL: String?
    /// A sentence or two about the course for the index page.
    public var description: String?
    /// The reading order when given; nil means by front matter `order`, then by file name.
    public var outline: [Part]?
    /// Whether the site includes the LessonKit reference pages (`reference/`); default true.
    public var includesReference = true

    /// Settings with `title` and defaults for everything else.
    public init(
        title: String, authors: [String] = [], language: String = "en", siteURL: String? = nil,
        description: String? = nil, outline: [Part]? = nil
    ) {
        self.title = title
        self.authors = authors
        self.language = language
        self.siteURL = siteURL
        self.description = description
        self.outline = outline
    }

    /// The settings of a course without `lessons.yml`: the project folder's name as the title.
    public static func defaults(folderName: String) -> CourseSettings {
        CourseSettings(title: folderName)
    }
}
