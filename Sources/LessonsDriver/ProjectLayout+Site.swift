import APIReference
import LessonExecution
public import Foundation
public import LessonModel
public import SiteRendering

extension ProjectLayout {
    /// How to build this course's site into `outputDirectory`: its lessons, its settings (`lessons.yml`), its
    /// site assets and the LessonKit reference pages (`reference/<area>.html`, unless `reference: false`); with the
    /// problems of `lessons.yml` (the configuration is nil when one of them is an error). A course with exercises
    /// also gets the students' guide (``StudentGuide``).
    public func siteConfiguration(outputDirectory: URL) -> (SiteBuilder.Configuration?, [Diagnostic]) {
        let (settings, problems) = loadSettings()
        if Diagnostic.containsError(problems) { return (nil, problems) }
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: lessonsDirectory, siteAssetsDirectory: root.appendingPathComponent("Assets/site"),
            outputDirectory: outputDirectory, settings: settings)
        configuration.builtInAssetsDirectory = BuiltInFiles.locate().map(BuiltInFiles.siteDirectory(in:))
        if settings.includesReference, let sources = BuiltInFiles.lessonKitSources() {
            let executable = Self.runningExecutable
            let cache = ReferencePageCache(
                folder: cacheDirectory(packageRoot: LessonKitLocation.findPackageRoot(above: executable.deletingLastPathComponent()))
                    .appendingPathComponent("reference-pages"),
                executable: executable)
            configuration.extraPages = Self.referencePages(cache.pages(fromSourcesIn: sources))
        }
        // A course with exercises gets the students' guide, linked from each lesson's first exercise.
        if CourseAssignments.anyHasExercises(LessonResolver(layout: self).allLessons(), layout: self) {
            configuration.extraPages.insert(StudentGuide.page, at: 0)
            configuration.exerciseGuide = StudentGuide.path
        }
        return (configuration, problems)
    }

    /// The LessonKit reference pages (each area's slug and Markdown) as site pages, under `reference/`.
    static func referencePages(_ pages: [(slug: String, markdown: String)]) -> [ExtraPage] {
        pages.map { page in
            ExtraPage(path: "reference/\(page.slug)", markdown: page.markdown, outlinePart: "Reference",
                outlineChapter: "LessonKit")
        }
    }
}
