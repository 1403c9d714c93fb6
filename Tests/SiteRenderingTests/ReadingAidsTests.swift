import Foundation
import LessonModel
import Testing
import TestSupport
@testable import SiteRendering

/// Keyboard and index details of the site (issue 26): each Wrap button names its cell, heading anchors are no Tab
/// stops, and the index keeps the lessons' numbers instead of restarting every chapter at "1.".
@Suite struct ReadingAidsTests {
    @Test func wrapButtonsNameTheirCell() {
        var renderer = CellRenderer(figures: FigureInliner(baseDirectory: URL(fileURLWithPath: "/")))
        let html = renderer.html(for: StudentViewTests().cell("gap-plot", "let x = 1\n", CellOptions()), outputMarkdown: nil)
        #expect(html.contains("<button class=\"wrap\" type=\"button\" aria-pressed=\"false\" aria-label=\"Wrap lines of cell gap-plot\">Wrap</button>"))
    }

    @Test func headingAnchorsAreNoTabStops() {
        var anchors = HeadingAnchors()
        let html = anchors.annotate("<h2>Summary</h2>")
        #expect(html.contains("<a class=\"anchor\" href=\"#summary\" tabindex=\"-1\" aria-label="))
    }

    @Test func lessonNumbersCountUpOrThereAreNone() {
        #expect(PageContext.lessonNumbers(["04-elbo", "05-families", "06-vae"]) == 4)
        #expect(PageContext.lessonNumbers(["00-welcome"]) == 0)
        #expect(PageContext.lessonNumbers(["04-elbo", "06-vae"]) == nil)
        #expect(PageContext.lessonNumbers(["intro", "05-families"]) == nil)
        #expect(PageContext.lessonNumbers(["how-exercises-work"]) == nil)
    }

    @Test func theIndexKeepsLessonNumbersAcrossChapters() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        for (name, chapter) in [("00-welcome", "Start"), ("01-a", "One"), ("02-b", "Two"), ("03-c", "Two")] {
            _ = try project.write("\(name).md", "---\ntitle: \(name)\npart: P\nchapter: \(chapter)\n---\n\n# \(name)\n\nText.\n")
        }
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: project.root.appendingPathComponent("Assets/site"),
            outputDirectory: project.root.appendingPathComponent("site"))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        _ = try SiteBuilder(configuration: configuration).build()
        let index = try String(contentsOf: configuration.outputDirectory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<ol start=\"0\">") && index.contains("<ol start=\"1\">") && index.contains("<ol start=\"2\">"))
        #expect(!index.contains("<ol>"))
    }
}
