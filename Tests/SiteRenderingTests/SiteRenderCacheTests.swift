import Foundation
import Testing
import TestSupport
@testable import SiteRendering

/// A build handed the previous build's cache (`lessons preview`) renders only the lessons that changed, and writes
/// exactly the files a build without a cache writes.
@Suite struct SiteRenderCacheTests {
    func configuration(lessons: URL, output: URL, cache: SiteRenderCache?) -> SiteBuilder.Configuration {
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: lessons, siteAssetsDirectory: SiteBuildTests.root.appendingPathComponent("Assets/site"),
            outputDirectory: output)
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        configuration.keepGoing = true
        configuration.cache = cache
        return configuration
    }

    @Test func aSavedLessonIsTheOnlyOneRenderedAgainAndTheSiteIsAsIfBuiltAfresh() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = project.root.appendingPathComponent("Lessons")
        for (number, title) in ["Alpha", "Beta", "Gamma", "Delta"].enumerated() {
            try project.write("0\(number)-\(title.lowercased()).md", """
                ---
                title: \(title)
                ---

                # \(title)

                Prose of \(title) with $x^\(number)$ and a cell:

                ```{swift}
                //| id: cell-\(number)
                let value = \(number)
                print(value)
                ```

                """)
        }
        let cache = SiteRenderCache()
        let preview = project.root.appendingPathComponent("preview"), fresh = project.root.appendingPathComponent("fresh")
        _ = try SiteBuilder(configuration: configuration(lessons: lessons, output: preview, cache: cache)).build()
        #expect(cache.renderedAndReused == (rendered: 4, reused: 0))

        // Save one lesson with a new sentence, and another with the same bytes (an editor saving without a change).
        let beta = try project.read("01-beta.md")
        try project.write("01-beta.md", beta + "\nA sentence added while previewing.\n")
        try project.write("02-gamma.md", try project.read("02-gamma.md"))
        _ = try SiteBuilder(configuration: configuration(lessons: lessons, output: preview, cache: cache)).build()
        #expect(cache.renderedAndReused == (rendered: 5, reused: 3), "only Beta is rendered again")

        _ = try SiteBuilder(configuration: configuration(lessons: lessons, output: fresh, cache: nil)).build()
        let kept = try SiteBuildTests().files(in: preview), made = try SiteBuildTests().files(in: fresh)
        #expect(kept.keys.sorted() == made.keys.sorted())
        for (name, data) in made { #expect(kept[name] == data, "\(name) differs from a build without the cache") }
        #expect(String(decoding: kept["01-beta.html"] ?? Data(), as: UTF8.self).contains("A sentence added while previewing."))
    }

    @Test func aChangedFigureRendersItsLessonAgain() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lessons = project.root.appendingPathComponent("Lessons")
        let figures = lessons.appendingPathComponent("figures/01-plot")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        let svg = { (colour: String) in
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"\(colour)\"/></svg>"
        }
        try Data(svg("red").utf8).write(to: figures.appendingPathComponent("plot-1.svg"))
        try project.write("01-plot.md", """
            ---
            title: Plot
            ---

            # Plot

            ```{swift}
            //| id: plot
            print(1)
            ```

            <!-- lessons:output id=plot hash=0000000000000000 status=ok -->

            ![A red square](figures/01-plot/plot-1.svg)

            <!-- lessons:end -->

            """)
        let cache = SiteRenderCache()
        let output = project.root.appendingPathComponent("preview")
        _ = try SiteBuilder(configuration: configuration(lessons: lessons, output: output, cache: cache)).build()
        try Data(svg("blue").utf8).write(to: figures.appendingPathComponent("plot-1.svg"))
        _ = try SiteBuilder(configuration: configuration(lessons: lessons, output: output, cache: cache)).build()
        let page = String(decoding: try Data(contentsOf: output.appendingPathComponent("01-plot.html")), as: UTF8.self)
        #expect(page.contains("fill=\"blue\"") && !page.contains("fill=\"red\""))
        #expect(cache.renderedAndReused.rendered == 2)
    }
}
