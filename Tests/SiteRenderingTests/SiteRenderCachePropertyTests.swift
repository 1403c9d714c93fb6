import Foundation
import LessonModel
import PropertyBased
import Testing
import TestSupport
@testable import SiteRendering

/// `lessons preview` hands each build the last one's ``SiteRenderCache``: over generated sequences of edits (a
/// sentence, a title, a heading, the same text in another Unicode normal form, a lesson added or removed, a template,
/// a cited work's title or the course's title changed), every build with the cache writes exactly the files a build without it writes.
@Suite struct SiteRenderCachePropertyTests {
    /// Words that look alike but differ in bytes: `é` composed and decomposed, `Å` as a letter and as the ångström sign.
    static let words = ["café", "cafe\u{301}", "Ångström", "\u{212B}ngström", "ELBO", "prior", "posterior", "x²"]

    struct Course {
        var titles: [String: String] = [:]
        var bodies: [String: [String]] = [:]
        var pageTemplateExtra = ""
        var courseTitle = "Café course"
        var referenceTitle = "Auto-encoding variational Bayes"

        func lesson(_ name: String) -> String {
            let title = titles[name]!
            return "---\ntitle: \(title)\n---\n\n# \(title)\n\n" + bodies[name]!.joined(separator: "\n\n") + "\n"
        }
    }

    func sentence(_ random: inout TestRandom) -> String {
        switch random.next() % 5 {
        case 0: "## \(random.pick(Self.words)) section"
        case 1: "The \(random.pick(Self.words)) has $q(z) = \\mathcal{N}(\\mu, \\sigma^2)$."
        case 2: "```swift\nlet \(random.pick(["a", "b", "mean"])) = \(random.next() % 100)\n```"
        case 3: "See [the first lesson](00-first.md) on the \(random.pick(Self.words)) [@kingma2014]."
        default: "A sentence about the \(random.pick(Self.words)) and the \(random.pick(Self.words))."
        }
    }

    func write(_ course: Course, into project: TemporaryProject, built page: String) throws {
        let lessons = project.root.appendingPathComponent("Lessons")
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: lessons.path).filter { $0.hasSuffix(".md") })
        for name in present where course.titles[name] == nil {
            try FileManager.default.removeItem(at: lessons.appendingPathComponent(name))
        }
        for name in course.titles.keys { try project.write(name, course.lesson(name)) }
        try project.write("references.yml", """
            kingma2014:
              authors: Kingma, Diederik P. and Welling, Max
              title: \(course.referenceTitle)
              year: 2014
              venue: ICLR

            """)
        let template = project.root.appendingPathComponent("Assets/site/templates/page.mustache")
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(page.replacingOccurrences(of: "</main>", with: course.pageTemplateExtra + "</main>").utf8).write(to: template)
    }

    func build(_ project: TemporaryProject, into output: URL, title: String, cache: SiteRenderCache?) throws -> [String: Data] {
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: project.root.appendingPathComponent("Assets/site"), outputDirectory: output,
            settings: CourseSettings(title: title))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        configuration.keepGoing = true
        configuration.cache = cache
        configuration.liveReload = true
        configuration.scratchOutput = cache != nil
        _ = try SiteBuilder(configuration: configuration).build()
        return try SiteBuildTests().files(in: output)
    }

    @Test func buildsWithTheCacheWriteWhatBuildsWithoutItWrite() async throws {
        let page = try String(
            contentsOf: SiteBuildTests.builtInAssets.appendingPathComponent("templates/page.mustache"), encoding: .utf8)
        await propertyCheck(count: 25, input: Gen.uint64()) { seed in
            var random = TestRandom(seed: seed)
            do {
                let project = try TemporaryProject()
                defer { project.remove() }
                var course = Course()
                for name in ["00-first.md", "01-second.md", "02-third.md"] {
                    course.titles[name] = random.pick(Self.words).capitalized
                    course.bodies[name] = (0..<3).map { _ in sentence(&random) }
                }
                let cache = SiteRenderCache(), preview = project.root.appendingPathComponent("preview")
                for step in 0..<5 {
                    let names = course.titles.keys.sorted()
                    let name = random.pick(names)
                    switch random.next() % 8 {
                    case 0: course.bodies[name]!.append(sentence(&random))
                    case 1: course.titles[name] = random.pick(Self.words)
                    case 2:  // the same words in the other normal form (or the other look-alike)
                        course.bodies[name] = course.bodies[name]!.map {
                            $0.replacingOccurrences(of: "café", with: "cafe\u{301}").replacingOccurrences(of: "Ångström", with: "\u{212B}ngström")
                        }
                        course.titles[name] = course.titles[name]!.replacingOccurrences(of: "Café", with: "Cafe\u{301}")
                    case 3 where names.count > 1: course.titles[name] = nil; course.bodies[name] = nil
                    case 4: let added = "0\(3 + step)-added.md"; course.titles[added] = "Added"; course.bodies[added] = [sentence(&random)]
                    case 5: course.pageTemplateExtra = "<p>\(random.pick(Self.words))</p>"
                    case 6: course.referenceTitle = random.pick(["Auto-encoding variational Bayes", "Caf\u{e9} Bayes", "Cafe\u{301} Bayes"])
                    default: course.courseTitle = random.pick(["Café course", "Cafe\u{301} course", "Ångström course"])
                    }
                    try write(course, into: project, built: page)
                    let kept = try build(project, into: preview, title: course.courseTitle, cache: cache)
                    let made = try build(project, into: project.root.appendingPathComponent("fresh-\(step)"),
                        title: course.courseTitle, cache: nil)
                    #expect(Set(kept.keys) == Set(made.keys), "seed \(seed), step \(step)")
                    for (file, data) in made {
                        #expect(kept[file] == data, "seed \(seed), step \(step): \(file) differs from a build without the cache")
                    }
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
