import Foundation
import FileSafety
import LessonModel
import Mustache

/// What one build of the site can hand the next (`lessons preview`): each lesson's student copy, rendered page,
/// page file and search entries, each extra page's, and what the link check read from each page, kept by everything
/// they are made from, so that after one lesson is saved only that lesson is read, rendered and put in its template
/// again. Entries the last build did not use are dropped. Texts in keys compare byte for byte (``ExactText``).
///
/// A page's key holds its name, the lesson's bytes, the works it may cite, the exercise guide's path and the sizes and dates
/// of the lesson's figure files (which rendering inlines): a change to any of them renders the page again.
public final class SiteRenderCache: @unchecked Sendable {
    /// What a lesson page is made from.
    /// Hashed by name, size and figures only (hashing a whole lesson's bytes on every build cost more than the
    /// rest of a preview's rebuild); equality compares everything.
    struct PageKey: Hashable {
        /// The page's path without `.html` (a lesson's name).
        var name: ExactText
        var source: [UInt8]
        /// The text of `references.yml` (nil for a page that cites nothing).
        var bibliography: ExactText?
        var exerciseGuide: String?
        var figures: [String]

        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(source.count)
            hasher.combine(figures)
        }
    }

    /// What a page's search entries are made from; compared byte for byte.
    struct SearchKey: Hashable {
        var page: ExactText
        var lessonTitle: ExactText
        var body: ExactText
    }

    typealias StudentLesson = (lesson: Lesson?, lineMap: [Int], diagnostics: [Diagnostic])

    private let students = BuildMemo<FileKey, StudentLesson>()
    private let pages = BuildMemo<PageKey, LessonPageRenderer.Page>()
    private let searchEntries = BuildMemo<SearchKey, SearchIndex.PageEntries>()
    private let searchSections = BuildMemo<[ExactText], SearchIndex.PageEntries>()
    private let pageFiles = BuildMemo<[ExactText], String>()
    private let linkFacts = BuildMemo<[ExactText], LinkChecker.PageFacts>()
    private let bibliographies = BuildMemo<ExactText, (Bibliography, [Diagnostic])>()
    private let lock = NSLock()
    private var lastTemplates: (key: [ExactText], library: MustacheLibrary)?

    /// The hashes of the files the last build wrote, for the output folder's manifest.
    let fileHashes = ContentHashMemo()

    /// An empty cache.
    public init() {}

    /// Pages rendered and pages reused since the cache was made (for tests and the preview's log).
    public var renderedAndReused: (rendered: Int, reused: Int) {
        let counts = pages.madeAndKept
        return (counts.made, counts.kept)
    }

    /// A lesson file: its name and bytes; hashed by name and size, compared whole.
    struct FileKey: Hashable {
        var name: ExactText
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(bytes.count)
        }
    }

    /// The student copy of the lesson file `key`, made by `make` unless kept.
    func studentCopy(_ key: FileKey, make: () -> StudentLesson) -> StudentLesson {
        students.value(key, make: make)
    }

    /// The page for `key`, rendered by `render` unless kept.
    func page(_ key: PageKey, render: () -> LessonPageRenderer.Page) -> LessonPageRenderer.Page {
        pages.value(key, make: render)
    }

    /// The search entries for `key`, made by `make` unless kept.
    func searchEntries(_ key: SearchKey, make: () -> SearchIndex.PageEntries) -> SearchIndex.PageEntries {
        searchEntries.value(key, make: make)
    }

    /// A section's search entries, `key` being its page, lesson title, heading id and text, and HTML; made by
    /// `make` unless kept.
    func searchSection(_ key: [ExactText], make: () -> SearchIndex.PageEntries) -> SearchIndex.PageEntries {
        searchSections.value(key, make: make)
    }

    /// The works of `references.yml` (its text) and the file's problems, read by `read` unless kept.
    func bibliography(_ text: ExactText, read: () -> (Bibliography, [Diagnostic])) -> (Bibliography, [Diagnostic]) {
        bibliographies.value(text, make: read)
    }

    /// The templates whose names and texts are `key`, made by `load` unless the last build's were the same.
    func templates(_ key: [ExactText], load: () throws(SiteError) -> MustacheLibrary) throws(SiteError) -> MustacheLibrary {
        if let last = lock.withLock({ lastTemplates }), last.key == key { return last.library }
        let library = try load()
        lock.withLock { lastTemplates = (key, library) }
        return library
    }

    /// A page's file (its HTML from the templates), made by `make` unless kept; `key` is every text the file is
    /// made from, in a fixed order (``SiteBuilder``'s `pageFileKey`).
    func pageFile(_ key: [ExactText], make: () -> String) -> String {
        pageFiles.value(key, make: make)
    }

    /// What the link check reads from a page, `key` being its path and its bytes; made by `make` unless kept.
    func linkFacts(_ key: [ExactText], make: () -> LinkChecker.PageFacts) -> LinkChecker.PageFacts {
        linkFacts.value(key, make: make)
    }

    /// Drops what the build that just ended did not use; the next build starts counting use afresh.
    func endBuild() {
        students.endBuild()
        pages.endBuild()
        searchEntries.endBuild()
        searchSections.endBuild()
        pageFiles.endBuild()
        bibliographies.endBuild()
        linkFacts.endBuild()
    }

    /// Names, sizes and modification dates of the lesson's figure files (`figures/<lesson>/` in the lessons
    /// folder), sorted.
    static func figureFingerprint(lesson: String, lessonsDirectory: URL) -> [String] {
        let folder = lessonsDirectory.appendingPathComponent("figures").appendingPathComponent(lesson)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name)|\(size)|\(date)"
        }
    }
}
