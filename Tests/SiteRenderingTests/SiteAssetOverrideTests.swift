import Foundation
import LessonModel
import Testing
import TestSupport
@testable import SiteRendering

/// The site's templates and styles are built in; a course's `Assets/site/` overrides them file by file (issue 18).
@Suite struct SiteAssetOverrideTests {
    static let lesson = "---\ntitle: One\n---\n\n# One\n\nSome text with $x^2$.\n\n## More\n\nMore text.\n"

    /// Builds a one-lesson course whose `Assets/site/` holds `overrides` (path → text); returns path → file text.
    func build(overrides: [String: String]) throws -> Result<[String: String], SiteError> {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-one.md", Self.lesson)
        for (path, text) in overrides {
            let url = project.root.appendingPathComponent("Assets/site").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let output = project.root.appendingPathComponent("site")
        var configuration = SiteBuilder.Configuration(
            lessonsDirectory: project.root.appendingPathComponent("Lessons"),
            siteAssetsDirectory: project.root.appendingPathComponent("Assets/site"), outputDirectory: output,
            settings: CourseSettings(title: "Override Course"))
        configuration.builtInAssetsDirectory = SiteBuildTests.builtInAssets
        do {
            let report = try SiteBuilder(configuration: configuration).build()
            var files: [String: String] = [:]
            for name in report.files {
                // Read as text with any bytes that are not UTF-8 (the math font) replaced: compared, never shown.
                files[name] = String(decoding: try Data(contentsOf: output.appendingPathComponent(name)), as: UTF8.self)
            }
            return .success(files)
        } catch let error as SiteError {
            return .failure(error)
        }
    }

    func builtIn(_ path: String) throws -> String {
        try String(contentsOf: SiteBuildTests.builtInAssets.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func withoutAssetsTheBuiltInFilesAreUsedAndTheTitleComesFromTheSettings() throws {
        let files = try build(overrides: [:]).get()
        #expect(files["assets/style.css"] == (try builtIn("static/style.css")))
        #expect(files["index.html"]?.contains("<title>Override Course</title>") == true)
        #expect(files["01-one.html"]?.contains("Override Course") == true)
    }

    @Test func overridingOneTemplateChangesOnlyThePagesMadeFromIt() throws {
        let plain = try build(overrides: [:]).get()
        let page = try builtIn("templates/page.mustache")
            .replacingOccurrences(of: "<main id=\"content\" class=\"lesson\">", with: "<main id=\"content\" class=\"lesson\"><p>MINE</p>")
        let overridden = try build(overrides: ["templates/page.mustache": page]).get()
        #expect(plain.keys.sorted() == overridden.keys.sorted())
        let changed = plain.keys.filter { plain[$0] != overridden[$0] }.sorted()
        #expect(changed == ["01-one.html"], "changed: \(changed)")
        #expect(overridden["01-one.html"]?.contains("<p>MINE</p>") == true)
    }

    @Test func overridingOneStaticFileReplacesOnlyThatFileAndANewOneIsAdded() throws {
        let plain = try build(overrides: [:]).get()
        let overridden = try build(overrides: ["static/style.css": "body { color: red; }\n", "static/extra.js": "// mine\n"]).get()
        #expect(overridden["assets/style.css"] == "body { color: red; }\n")
        #expect(overridden["assets/extra.js"] == "// mine\n")
        let changed = Set(plain.keys).union(overridden.keys).filter { plain[$0] != overridden[$0] }.sorted()
        #expect(changed == ["assets/extra.js", "assets/style.css"], "changed: \(changed)")
    }

    @Test func aBrokenOverrideIsReportedAtTheCoursesFile() throws {
        guard case .failure(let error) = try build(overrides: ["templates/index.mustache": "{{#outline}} never closed"]) else {
            Issue.record("a template that does not parse built")
            return
        }
        #expect(error.diagnostics.first?.location.file == "Assets/site/templates/index.mustache", "\(error)")
    }

    @Test func theCourseLayerWinsFileByFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("assets-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in ["course/templates/a.mustache": "course a", "builtin/templates/a.mustache": "built-in a",
            "builtin/templates/b.mustache": "built-in b", "builtin/templates/.hidden": "x"]
        {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let files = SiteAssetFiles(course: folder.appendingPathComponent("course"), builtIn: folder.appendingPathComponent("builtin"))
            .files(in: "templates")
        #expect(files.map(\.name) == ["a.mustache", "b.mustache"])
        #expect(try files.map { try String(contentsOf: $0.url, encoding: .utf8) } == ["course a", "built-in b"])
        #expect(files[0].shownAs == "Assets/site/templates/a.mustache")
    }
}
