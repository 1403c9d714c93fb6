import Foundation
import SiteRendering
import Testing
import TestSupport

/// The site shows exercises as their stubs: over a course of generated solutions (``SolutionLessonGenerator``), no
/// literal and no local name of a solution is on any page or in the search index.
@Suite struct StubLeakSiteTests {
    @Test func noSolutionReachesTheSite() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var generated: [SolutionLessonGenerator.Generated] = []
        for seed in UInt64(1)...12 {
            let lesson = SolutionLessonGenerator.generate(seed: seed &* 0x9E37_79B9)
            generated.append(lesson)
            try project.write("g\(seed).md", lesson.text.replacingOccurrences(of: "title: Generated", with: "title: G\(seed)"))
        }
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: project.root.appendingPathComponent("Assets/site"),
            outputDirectory: project.root.appendingPathComponent("site"))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        configuration.keepGoing = true
        _ = try SiteBuilder(configuration: configuration).build()
        let site = project.root.appendingPathComponent("site")
        var text = try String(contentsOf: site.appendingPathComponent("assets/search-index.js"), encoding: .utf8)
        for seed in 1...12 { text += try String(contentsOf: site.appendingPathComponent("g\(seed).html"), encoding: .utf8) }
        #expect(text.contains("Exercise <code>e0</code>"), "the pages show the exercises")
        for lesson in generated {
            for literal in lesson.literals { #expect(!text.contains(literal), "\(literal) is on the site") }
            for name in lesson.localNames { #expect(!text.contains(name), "\(name) is on the site") }
        }
    }
}
