import Foundation
import LessonModel

/// What one build of the site can hand the next (`lessons preview`): each lesson's student copy, rendered page and
/// search entries, and each extra page's, kept by everything they are made from, so that after one lesson is saved only that lesson
/// is read and rendered again. Entries the last build did not use are dropped.
///
/// A page's key holds its name, the lesson's bytes, the works it may cite, the exercise guide's path and the sizes and dates
/// of the lesson's figure files (which rendering inlines): a change to any of them renders the page again.
public final class SiteRenderCache: @unchecked Sendable {
    /// What a lesson page is made from.
    /// Hashed by name, size and figures only (hashing a whole lesson's bytes on every build cost more than the
    /// rest of a preview's rebuild); equality compares everything.
    struct PageKey: Hashable {
        /// The page's path without `.html` (a lesson's name).
        var name: String
        var source: [UInt8]
        var bibliography: Bibliography?
        var exerciseGuide: String?
        var figures: [String]

        func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(source.count)
            hasher.combine(figures)
        }
    }

    /// What a page's search entries are made from; hashed by page, title and the body's length, compared whole.
    struct SearchKey: Hashable {
        var page: String
        var lessonTitle: String
        var body: String

        func hash(into hasher: inout Hasher) {
            hasher.combine(page)
            hasher.combine(lessonTitle)
            hasher.combine(body.utf8.count)
        }
    }

    typealias StudentLesson = (lesson: Lesson?, lineMap: [Int], diagnostics: [Diagnostic])

    private let students = BuildMemo<FileKey, StudentLesson>()
    private let pages = BuildMemo<PageKey, LessonPageRenderer.Page>()
    private let searchEntries = BuildMemo<SearchKey, [SearchIndex.Entry]>()

    /// An empty cache.
    public init() {}

    /// Pages rendered and pages reused since the cache was made (for tests and the preview's log).
    public var renderedAndReused: (rendered: Int, reused: Int) {
        let counts = pages.madeAndKept
        return (counts.made, counts.kept)
    }

    /// A lesson file: its name and bytes; hashed by name and size, compared whole.
    struct FileKey: Hashable {
        var name: String
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
    func searchEntries(_ key: SearchKey, make: () -> [SearchIndex.Entry]) -> [SearchIndex.Entry] {
        searchEntries.value(key, make: make)
    }

    /// Drops what the build that just ended did not use; the next build starts counting use afresh.
    func endBuild() {
        students.endBuild()
        pages.endBuild()
        searchEntries.endBuild()
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
