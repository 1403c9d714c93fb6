import FileSafety
public import Foundation
import Grading
public import LessonModel
import LessonParsing
import Mustache

/// `lessons build`: renders the lessons (with the outputs in their files) into a static site.
///
/// The recipe: read and parse the lessons → make each student copy (no solutions, hidden tests or instructor
/// notes) → render the pages → write the index, pages, search index and assets → check every internal link.
/// Output is deterministic: the same lessons and assets give byte-identical files.
public struct SiteBuilder {
    /// Where things are.
    public struct Configuration: Sendable {
        /// `Lessons/`.
        public var lessonsDirectory: URL
        /// `Assets/site/` (templates and static files).
        public var siteAssetsDirectory: URL
        /// `site/`.
        public var outputDirectory: URL
        /// Render TeX that does not convert as marked raw text and report it, instead of failing.
        public var keepGoing = false
        /// Add the live-reload script to every page (`lessons preview` only; never in `site/`).
        public var liveReload = false

        /// A configuration for a project laid out as usual.
        public init(lessonsDirectory: URL, siteAssetsDirectory: URL, outputDirectory: URL) {
            self.lessonsDirectory = lessonsDirectory
            self.siteAssetsDirectory = siteAssetsDirectory
            self.outputDirectory = outputDirectory
        }
    }

    /// What a build produced.
    public struct Report: Sendable {
        /// Files written, relative to the output folder, sorted.
        public var files: [String]
        /// Problems found (with `keepGoing`, the build still wrote the site).
        public var diagnostics: [Diagnostic]
    }

    public let configuration: Configuration

    /// A builder for `configuration`; math goes through the project's TeX converter (`TeXMath`).
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Builds the site; `progress` receives one line per step (`[2/5] render pages`).
    public func build(progress: (String) -> Void = { _ in }) throws(SiteError) -> Report {
        let steps = ["read lessons", "render pages", "write pages", "copy assets", "check links"]
        func step(_ index: Int) { progress("[\(index + 1)/\(steps.count)] \(steps[index])") }

        step(0)
        let (lessons, lineMaps, readProblems) = readLessons()
        if Diagnostic.containsError(readProblems) { throw SiteError(readProblems) }
        let outline = CourseOutline(lessons)

        step(1)
        var diagnostics = readProblems
        var pages: [String: LessonPageRenderer.Page] = [:]
        let renderer = LessonPageRenderer(lessonsDirectory: configuration.lessonsDirectory)
        for lesson in lessons {
            let page = renderer.render(lesson)
            // Pages are rendered from student copies; report problems at the lines of the lesson file.
            let lineMap = lineMaps[lesson.name] ?? []
            diagnostics += page.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                let line = diagnostic.location.line
                if diagnostic.location.file == lesson.displayPath, line >= 1, line <= lineMap.count {
                    diagnostic.location.line = lineMap[line - 1]
                }
                return diagnostic
            }
            pages[lesson.name] = page
        }
        if Diagnostic.containsError(diagnostics) && !configuration.keepGoing { throw SiteError(diagnostics) }

        step(2)
        var files: [String: String] = [:]
        let templates = try loadTemplates()
        var search = SearchIndex()
        let renderedOutline = templates.render(["outline": PageContext.outline(outline)], withTemplate: "outline") ?? ""
        for (index, entry) in outline.entries.enumerated() {
            guard let page = pages[entry.name] else { continue }
            let previous = index > 0 ? outline.entries[index - 1] : nil
            let next = index + 1 < outline.entries.count ? outline.entries[index + 1] : nil
            let context = PageContext.lesson(entry, page: page,
                outlineHTML: PageContext.outlineHTML(renderedOutline, current: entry.name), previous: previous, next: next)
            files["\(entry.name).html"] = templates.render(context, withTemplate: "page") ?? ""
            search.add(page: "\(entry.name).html", lessonTitle: entry.title, body: page.body, headings: page.headings)
        }
        files["index.html"] = templates.render(PageContext.index(outline), withTemplate: "index") ?? ""
        do {
            files["assets/search-index.js"] = try search.script()
        } catch {
            throw SiteError([Diagnostic(.error, "site.search", "cannot encode the search index: \(error)",
                at: SourceLocation(file: "site/assets/search-index.js", line: 1, column: 1))])
        }

        step(3)
        var binaryFiles: [String: [UInt8]] = [:]
        for asset in staticAssets() where asset.name != "live-reload.js" || configuration.liveReload {
            // Text assets go through the link check; fonts are copied as bytes.
            if asset.name.hasSuffix(".woff2") {
                binaryFiles["assets/\(asset.name)"] = asset.bytes
            } else {
                files["assets/\(asset.name)"] = String(decoding: asset.bytes, as: UTF8.self)
            }
        }
        if configuration.liveReload {
            for (name, text) in files where name.hasSuffix(".html") {
                files[name] = text.replacingOccurrences(of: "</body>", with: "<script src=\"assets/live-reload.js\"></script>\n</body>")
            }
        }

        step(4)
        diagnostics += LinkChecker.check(files)
        if Diagnostic.containsError(diagnostics) && !configuration.keepGoing { throw SiteError(diagnostics) }
        try write(files.mapValues { Array($0.utf8) }.merging(binaryFiles) { text, _ in text })
        return Report(files: (Array(files.keys) + Array(binaryFiles.keys)).sorted(), diagnostics: diagnostics)
    }

    /// Every `*.md` in the lessons folder, parsed, as its student copy; for each (by name), the line of the
    /// lesson file each line of the copy comes from.
    func readLessons() -> ([Lesson], [String: [Int]], [Diagnostic]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: configuration.lessonsDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted()
        var lessons: [Lesson] = [], lineMaps: [String: [Int]] = [:], diagnostics: [Diagnostic] = []
        for name in names {
            let path = configuration.lessonsDirectory.appendingPathComponent(name)
            let display = "Lessons/\(name)"
            guard let bytes = FileManager.default.contents(atPath: path.path).map(Array.init) else { continue }
            let (parsed, problems) = LessonParser.parse(bytes, displayPath: display)
            diagnostics += problems
            guard let lesson = parsed else { continue }
            let (markup, markupProblems) = GradingMarkupParser.parse(lesson)
            diagnostics += markupProblems
            let edits = StudentCopy.edits(from: lesson, markup: markup)
            let (student, _) = LessonParser.parse(LineEdit.apply(edits, to: lesson.source), displayPath: display)
            if let student {
                lessons.append(student)
                lineMaps[student.name] = LineEdit.lineMap(edits, in: lesson.source)
            }
        }
        return (lessons, lineMaps, diagnostics)
    }

    /// The Mustache templates of `Assets/site/templates/`.
    func loadTemplates() throws(SiteError) -> MustacheLibrary {
        var library = MustacheLibrary()
        let directory = configuration.siteAssetsDirectory.appendingPathComponent("templates")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let path = directory.appendingPathComponent(name)
            do {
                try library.register(String(contentsOf: path, encoding: .utf8), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw SiteError([Diagnostic(.error, "site.template", "template does not parse: \(error)",
                    at: SourceLocation(file: "Assets/site/templates/\(name)", line: 1, column: 1))])
            }
        }
        for required in ["page", "index", "outline"] where library.getTemplate(named: required) == nil {
            throw SiteError([Diagnostic(.error, "site.template", "template \(required).mustache is missing",
                at: SourceLocation(file: "Assets/site/templates/\(required).mustache", line: 1, column: 1))])
        }
        return library
    }

    /// The files of `Assets/site/static/` and its folders (`fonts/`), by path inside it, sorted.
    func staticAssets() -> [(name: String, bytes: [UInt8])] {
        let directory = configuration.siteAssetsDirectory.appendingPathComponent("static")
        let names = ((FileManager.default.subpaths(atPath: directory.path)) ?? []).sorted()
        return names.compactMap { name in
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !name.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { return nil }
            return FileManager.default.contents(atPath: path).map { (name, Array($0)) }
        }
    }

    /// Writes `files` into the output folder, which the build owns (``OwnedFolder``): files an earlier build
    /// wrote and this one does not are deleted; a folder holding anything else (the project, `Lessons/`, a
    /// `CNAME`) is refused and left as it is.
    func write(_ files: [String: [UInt8]]) throws(SiteError) {
        let root = configuration.outputDirectory
        do throws(OwnedFolderError) {
            var folder = try OwnedFolder.claim(
                root, displayName: root.path, projectRoot: configuration.lessonsDirectory.deletingLastPathComponent(),
                lessonsDirectory: configuration.lessonsDirectory)
            try folder.replaceContents(with: files)
        } catch {
            throw SiteError([Diagnostic(.error, "site.write", "the site was not written: \(error)",
                at: SourceLocation(file: root.path, line: 1, column: 1))])
        }
    }
}
