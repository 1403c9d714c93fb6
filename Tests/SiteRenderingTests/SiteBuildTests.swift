import Foundation
import Testing
import TestSupport
@testable import SiteRendering

/// Builds the real course (Lessons/ of this package, with the built-in site templates and styles) into temporary
/// folders.
@Suite struct SiteBuildTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The templates and styles that ship with lessons.
    static let builtInAssets = root.appendingPathComponent("Sources/LessonsDriver/Resources/site")

    /// Builds the course; figure captions are checked on their own (``everyFigureHasItsOwnCaption()``), so a
    /// caption problem does not hide what the other tests check.
    func build(into output: URL, jobs: Int = 2) throws -> SiteBuilder.Report {
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: Self.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: Self.root.appendingPathComponent("Assets/site"), outputDirectory: output)
        configuration.builtInAssetsDirectory = Self.builtInAssets
        configuration.keepGoing = true
        configuration.jobs = jobs
        var report = try SiteBuilder(configuration: configuration).build()
        report.diagnostics.removeAll { $0.identifier == "site.caption" }
        return report
    }

    /// Every figure of the course has its own caption: none missing, none the placeholder `lessons run` writes,
    /// none the same as another figure's on the page (the build fails on each, at its cell's line).
    @Test func everyFigureHasItsOwnCaption() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: Self.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: Self.root.appendingPathComponent("Assets/site"),
            outputDirectory: project.root.appendingPathComponent("site"))
        configuration.builtInAssetsDirectory = Self.builtInAssets
        configuration.keepGoing = true
        let report = try SiteBuilder(configuration: configuration).build()
        let captions = report.diagnostics.filter { $0.identifier == "site.caption" }
        #expect(captions.isEmpty, "\(captions.map(\.description).joined(separator: "\n"))")
    }

    func files(in directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(directory.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Pages rendered one at a time and eight at a time (more than this machine's cores, so that they finish in
    /// any order) make the same bytes.
    @Test func serialAndParallelBuildsOfTheCourseAreByteIdentical() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let first = project.root.appendingPathComponent("one"), second = project.root.appendingPathComponent("two")
        let report = try build(into: first, jobs: 1)
        _ = try build(into: second, jobs: 8)
        let a = try files(in: first), b = try files(in: second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, data) in a { #expect(b[name] == data, "\(name) differs between a serial and a parallel build") }
        #expect(report.files.contains("index.html") && report.files.contains("04-elbo.html"))
        #expect(report.files.contains("assets/search-index.js") && report.files.contains("assets/style.css"))
        let links = report.diagnostics.filter { $0.identifier == "site.link" }
        #expect(links.isEmpty, "\(links)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func pagesCarryNoSolutionsNoHiddenTestsAndNoExternalRequests() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        _ = try build(into: output)
        for (name, data) in try files(in: output) where name.hasSuffix(".html") || name.hasSuffix(".js") || name.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("BEGIN SOLUTION") && !text.contains("BEGIN HIDDEN TESTS"), "\(name) leaks grading regions")
            #expect(!text.contains("hiddenTheta") && !text.contains("hiddenGenerator"), "\(name) leaks hidden test code")
            for attribute in [" src=\"http", " href=\"//", "url(http", "@import"] {
                #expect(!text.contains(attribute), "\(name) requests something outside the site: \(attribute)")
            }
        }
        let elbo = String(decoding: try Data(contentsOf: output.appendingPathComponent("04-elbo.html")), as: UTF8.self)
        #expect(elbo.contains("<svg"), "figures are inline")
        #expect(elbo.contains("<figcaption id=\"figure-1-caption\"><span class=\"figure-number\">Figure 1.</span>"))
        #expect(elbo.contains("<span class=\"kw\">"), "code is highlighted")
        #expect(elbo.contains("Exercise <code>monte-carlo-elbo</code> · 3 points"))
        #expect(elbo.contains("<p class=\"cell hidden-test\" id=\"cell-test-mc-elbo-hidden\">Hidden test of <code>monte-carlo-elbo</code> · 2 points — runs when graded</p>"),
            "hidden tests are one line")
        #expect(!elbo.contains("<code class=\"language-swift\"></code>"), "no empty code box")
        #expect(!elbo.contains(" 1 points"), "1 point, 2 points")
        #expect(elbo.contains("fatalError(<span class=\"st\">&quot;not implemented yet&quot;</span>)")
            || elbo.contains("not implemented yet"), "exercise cells show the released stub")
        #expect(elbo.contains("rel=\"prev\" href=\"03-approximate-inference.html\""))
        #expect(elbo.contains("rel=\"next\" href=\"05-variational-families.html\""))
    }

    /// The prose of lesson 2 quotes the FVSBN's test NLL through `{swift} fvsbnNLL`: the page shows the number
    /// the cell printed in the same run, wherever the sentence is.
    @Test func proseValuesAgreeWithTheCellThatComputedThem() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        _ = try build(into: output)
        let markdown = try String(
            contentsOf: Self.root.appendingPathComponent("Lessons/02-autoregressive-models.md"), encoding: .utf8)
        let printed = try #require(markdown.firstMatch(of: /FVSBN: test NLL ([0-9.]+ ± [0-9.]+) nats per image/)?.1)
        let page = try String(contentsOf: output.appendingPathComponent("02-autoregressive-models.html"), encoding: .utf8)
        let shown = page.matches(of: /<span class="inline-value" tabindex="0" data-code="fvsbnNLL">([^<]*)<\/span>/).map { String($0.1) }
        #expect(shown.count >= 2, "the lesson quotes fvsbnNLL in more than one sentence")
        #expect(shown.allSatisfy { $0 == String(printed) }, "\(shown) against the printed \(printed)")
        #expect(!page.contains("{swift}"), "no expression is left unreplaced")
    }

    @Test func theSearchIndexHasASectionPerHeading() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let output = project.root.appendingPathComponent("site")
        _ = try build(into: output)
        let script = try String(contentsOf: output.appendingPathComponent("assets/search-index.js"), encoding: .utf8)
        #expect(script.contains("\"url\":\"04-elbo.html#the-derivation\""))
        #expect(script.contains("\"heading\":\"Monte Carlo estimates\""))
        #expect(!script.contains("\\\\"), "no TeX (and no backslash) in the index")
        #expect(!script.contains("Wrap Copy") && !script.contains("Link to the section"), "no UI text in the index")
        #expect(script.contains("𝔼_q"), "math is indexed as its readable text")
    }
}
