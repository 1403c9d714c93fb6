import FileSafety
public import Foundation
import Grading
public import LessonModel
import LessonParsing
import Mustache

/// `lessons build`: renders the lessons (with the outputs in their files) into a static site.
///
/// The recipe: read and parse the lessons (and the works they cite, `Lessons/references.yml`) → make each student
/// copy (no solutions, hidden tests or instructor notes) → render the pages → write the index, pages, search index and assets → check every internal link.
/// Output is deterministic: the same lessons and assets give byte-identical files.
public struct SiteBuilder {
    /// Where things are.
    public struct Configuration: Sendable {
        /// `Lessons/`.
        public var lessonsDirectory: URL
        /// The course's `Assets/site/` (templates and static files); each file there replaces the built-in one.
        public var siteAssetsDirectory: URL
        /// The built-in templates and static files that ship with `lessons`, used for every file the course's
        /// `Assets/site/` does not have (nil: only the course's).
        public var builtInAssetsDirectory: URL?
        /// `site/`.
        public var outputDirectory: URL
        /// Render TeX that does not convert as marked raw text and report it, instead of failing.
        public var keepGoing = false
        /// Add the live-reload script to every page (`lessons preview` only; never in `site/`).
        public var liveReload = false
        /// The course's settings (`lessons.yml`): title, authors, language, outline.
        public var settings: CourseSettings
        /// Pages that are not lessons (the LessonKit reference), listed after the lessons.
        public var extraPages: [ExtraPage] = []
        /// The path (without `.html`) of the students' guide to exercises, one of ``extraPages``: each lesson with
        /// exercises links to it from its first exercise.
        public var exerciseGuide: String?
        /// How many pages are rendered at once (the machine's cores by default); the site's bytes are the same
        /// for every value.
        public var jobs = ProcessInfo.processInfo.activeProcessorCount
        /// What the previous build can hand this one (`lessons preview`); nil renders everything.
        public var cache: SiteRenderCache?
        /// Whether the output folder is scratch that is made again anyway (`lessons preview`'s): its files are still
        /// replaced atomically, but not flushed to the disk on every build.
        public var scratchOutput = false

        /// A configuration for a project laid out as usual; `settings` default to the project folder's name as
        /// the title.
        public init(
            lessonsDirectory: URL, siteAssetsDirectory: URL, outputDirectory: URL, settings: CourseSettings? = nil
        ) {
            self.lessonsDirectory = lessonsDirectory
            self.siteAssetsDirectory = siteAssetsDirectory
            self.outputDirectory = outputDirectory
            self.settings = settings ?? CourseSettings.defaults(
                folderName: lessonsDirectory.standardizedFileURL.deletingLastPathComponent().lastPathComponent)
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
        let (lessons, lineMaps, lessonProblems) = readLessons()
        let (bibliography, bibliographyProblems, bibliographySource) = readBibliography()
        let readProblems = lessonProblems + bibliographyProblems + configuration.settings.outlineProblems(
            lessons: lessons.map(\.name), displayPaths: Dictionary(lessons.map { ($0.name, $0.displayPath) }) { a, _ in a })
        if Diagnostic.containsError(readProblems) { throw SiteError(readProblems) }
        let outline = CourseOutline(lessons, settings: configuration.settings)

        step(1)
        var diagnostics = readProblems
        let pool = WorkerPool(width: configuration.jobs)
        var renderer = LessonPageRenderer(lessonsDirectory: configuration.lessonsDirectory)
        renderer.exerciseGuide = configuration.exerciseGuide
        renderer.bibliography = bibliography
        var pages: [String: LessonPageRenderer.Page] = [:]
        let cache = configuration.cache, lessonsDirectory = configuration.lessonsDirectory
        let rendered = pool.map(lessons) { [renderer] lesson in
            guard let cache else { return renderer.render(lesson) }
            let key = SiteRenderCache.PageKey(
                name: ExactText(lesson.name), source: lesson.source.bytes, bibliography: bibliographySource,
                exerciseGuide: renderer.exerciseGuide,
                figures: SiteRenderCache.figureFingerprint(lesson: lesson.name, lessonsDirectory: lessonsDirectory))
            return cache.page(key) { renderer.render(lesson) }
        }
        for (lesson, page) in zip(lessons, rendered) {
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
        // Extra pages (the LessonKit reference) are rendered like lessons; their titles come from their front matter.
        renderer.bibliography = nil  // their `@` (attributes in declarations) are not citations
        let extraRendered = pool.map(configuration.extraPages) { [renderer] extra in
            let (parsed, problems) = LessonParser.parse(Array(extra.markdown.utf8), displayPath: "\(extra.path).md")
            return (problems, parsed.map { lesson in
                let key = SiteRenderCache.PageKey(name: ExactText(extra.path), source: lesson.source.bytes, bibliography: nil,
                    exerciseGuide: renderer.exerciseGuide, figures: [])
                return (lesson.frontMatter.title, cache?.page(key) { renderer.render(lesson) } ?? renderer.render(lesson))
            })
        }
        var extraPages: [(page: ExtraPage, title: String, rendered: LessonPageRenderer.Page)] = []
        for (extra, (problems, rendered)) in zip(configuration.extraPages, extraRendered) {
            diagnostics += problems
            guard let (title, page) = rendered else { continue }
            diagnostics += page.diagnostics
            extraPages.append((extra, title, page))
        }
        if Diagnostic.containsError(diagnostics) && !configuration.keepGoing { throw SiteError(diagnostics) }

        step(2)
        var files: [String: String] = [:]
        let templateTexts = try templateSources()
        let templateKey = templateTexts.flatMap { [ExactText($0.name), ExactText($0.text)] }
        let templates: MustacheLibrary
        if let cache {
            templates = try cache.templates(templateKey) { () throws(SiteError) in try loadTemplates(templateTexts) }
        } else {
            templates = try loadTemplates(templateTexts)
        }
        let outlineContext = PageContext.outline(outline, extraPages: extraPages.map { ($0.page, $0.title) })
        let renderedOutline = templates.render(["outline": outlineContext], withTemplate: "outline") ?? ""
        // Each page's file and search entries are made on the pool, then put together in the outline's order.
        let settings = configuration.settings
        // By name, once: looking each entry's lesson up in the list was quadratic (5% of building 1,000 pages).
        let lessonsByName = Dictionary(lessons.map { ($0.name, $0) }) { first, _ in first }
        let lessonJobs = outline.entries.enumerated().compactMap { index, entry in
            pages[entry.name].map { page in
                (entry: entry, page: page, previous: index > 0 ? outline.entries[index - 1] : nil,
                 next: index + 1 < outline.entries.count ? outline.entries[index + 1] : nil,
                 lesson: lessonsByName[entry.name])
            }
        }
        // A page's file is kept (`lessons preview`) by every text it is made from: the templates, the course's
        // settings, the page's entry, outline, neighbours and rendered body.
        let settingsTexts = ([settings.title, settings.language, settings.siteURL ?? "\u{0}", settings.description ?? "\u{0}",
            String(settings.authors.count)] + settings.authors).map(ExactText.init)
        let liveReload = configuration.liveReload
        @Sendable func pageFile(_ path: String, _ entry: CourseOutline.Entry, _ page: LessonPageRenderer.Page, outline: String,
                      previous: CourseOutline.Entry?, next: CourseOutline.Entry?, download: String?,
                      make: () -> String) -> String {
            guard let cache else { return make() }
            let neighbours = [previous, next].flatMap { [$0?.name ?? "\u{0}", $0?.title ?? "\u{0}"] }
            let headings = page.headings.flatMap { [String($0.level), $0.id, $0.html] }
            let texts = [path, entry.title, entry.part, entry.chapter, outline, page.body, download ?? "\u{0}",
                liveReload ? "live" : "", String(headings.count)] + neighbours + headings
            return cache.pageFile(templateKey + settingsTexts + texts.map(ExactText.init), make: make)
        }
        let lessonFiles = pool.map(lessonJobs) { job in
            let path = "\(job.entry.name).html"
            let outlineHTML = PageContext.outlineHTML(renderedOutline, current: job.entry.name)
            // The student copy, to download and run (`lessons run` makes its outputs and figures again).
            let download = job.lesson.map { String(decoding: $0.source.bytes, as: UTF8.self) }
            let html = pageFile(path, job.entry, job.page, outline: outlineHTML, previous: job.previous, next: job.next,
                download: download.map { _ in "downloads/\(job.entry.name).md" }) {
                var context = PageContext.lesson(job.entry, page: job.page, outlineHTML: outlineHTML,
                    previous: job.previous, next: job.next, settings: settings)
                if download != nil { context["download"] = "downloads/\(job.entry.name).md" }
                return Self.withLiveReload(templates.render(context, withTemplate: "page") ?? "", path: path, if: liveReload)
            }
            let search = SearchIndex.entries(page: path, lessonTitle: job.entry.title,
                body: job.page.body, headings: job.page.headings, cache: cache)
            return (html, download, search)
        }
        let extraFiles = pool.map(extraPages) { extra in
            let path = "\(extra.page.path).html"
            let depth = extra.page.path.split(separator: "/").count - 1
            let entry = CourseOutline.Entry(name: extra.page.path, title: extra.title, part: extra.page.outlinePart,
                chapter: extra.page.outlineChapter, order: Int.max)
            let outlineHTML = PageContext.outlineHTML(renderedOutline, current: extra.page.path)
            let html = pageFile(path, entry, extra.rendered, outline: outlineHTML, previous: nil, next: nil, download: nil) {
                let context = PageContext.lesson(entry, page: extra.rendered, outlineHTML: outlineHTML, previous: nil,
                    next: nil, settings: settings)
                let html = ExtraPage.relocating(templates.render(context, withTemplate: "page") ?? "", depth: depth)
                return Self.withLiveReload(html, path: path, if: liveReload)
            }
            let search = SearchIndex.entries(page: path, lessonTitle: extra.title,
                body: extra.rendered.body, headings: extra.rendered.headings, cache: cache)
            return (html, search)
        }
        var search = SearchIndex()
        for (job, (html, download, entries)) in zip(lessonJobs, lessonFiles) {
            if let download { files["downloads/\(job.entry.name).md"] = download }
            files["\(job.entry.name).html"] = html
            search.append(entries)
        }
        for (extra, (html, entries)) in zip(extraPages, extraFiles) {
            files["\(extra.page.path).html"] = html
            search.append(entries)
        }
        var indexContext = PageContext.index(outline, settings: configuration.settings)
        indexContext["outline"] = outlineContext
        files["index.html"] = Self.withLiveReload(
            templates.render(indexContext, withTemplate: "index") ?? "", path: "index.html", if: liveReload)
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

        step(4)
        diagnostics += LinkChecker.check(files, pool: pool, cache: cache)
        if Diagnostic.containsError(diagnostics) && !configuration.keepGoing { throw SiteError(diagnostics) }
        try write(files.mapValues { Array($0.utf8) }.merging(binaryFiles) { text, _ in text })
        configuration.cache?.endBuild()
        return Report(files: (Array(files.keys) + Array(binaryFiles.keys)).sorted(), diagnostics: diagnostics)
    }

    /// Every `*.md` in the lessons folder, parsed, as its student copy; for each (by name), the line of the
    /// lesson file each line of the copy comes from. Lessons are read on the build's pool, in name order.
    func readLessons() -> ([Lesson], [String: [Int]], [Diagnostic]) {
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: configuration.lessonsDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".md") }
        // Names that are one text in two spellings would share one page: neither is built, and the build fails.
        let clashes = LessonNameClash.groups(found)
        let clashing = Set(clashes.joined().map { Array($0.utf8) })
        let names = found.filter { !clashing.contains(Array($0.utf8)) }.sorted()
        let directory = configuration.lessonsDirectory
        let cache = configuration.cache
        let read = WorkerPool(width: configuration.jobs).map(names) { name -> (Lesson?, [Int], [Diagnostic]) in
            let path = directory.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: path.path).map(Array.init) else { return (nil, [], []) }
            guard let cache else { return Self.studentCopy(of: bytes, name: name) }
            let copy = cache.studentCopy(.init(name: ExactText(name), bytes: bytes)) { Self.studentCopy(of: bytes, name: name) }
            return (copy.lesson, copy.lineMap, copy.diagnostics)
        }
        var lessons: [Lesson] = [], lineMaps: [String: [Int]] = [:]
        var diagnostics = LessonNameClash.diagnostics(clashes, folder: "Lessons")
        for (student, lineMap, problems) in read {
            diagnostics += problems
            guard let student else { continue }
            lessons.append(student)
            lineMaps[student.name] = lineMap
        }
        return (lessons, lineMaps, diagnostics)
    }

    /// The student copy of lesson file `name` (its bytes), the line of the file each of its lines comes from, and
    /// the file's problems.
    static func studentCopy(of bytes: [UInt8], name: String) -> (Lesson?, [Int], [Diagnostic]) {
        let display = "Lessons/\(name)"
        let (parsed, problems) = LessonParser.parse(bytes, displayPath: display)
        guard let lesson = parsed else { return (nil, [], problems) }
        let (markup, markupProblems) = GradingMarkupParser.parse(lesson)
        let edits = StudentCopy.edits(from: lesson, markup: markup)
        let (student, _) = LessonParser.parse(LineEdit.apply(edits, to: lesson.source), displayPath: display)
        return (student, LineEdit.lineMap(edits, in: lesson.source), problems + markupProblems)
    }

    /// The works the lessons cite, from `references.yml` in the lessons folder (none without the file), the
    /// problems of that file at their lines, and what they were read from (the file's text; a marker without it),
    /// which keys the pages a build keeps (`Bibliography`'s `==` compares Strings, which calls the two normal forms
    /// of a title equal).
    func readBibliography() -> (Bibliography, [Diagnostic], source: ExactText) {
        let path = configuration.lessonsDirectory.appendingPathComponent("references.yml").path
        guard FileManager.default.fileExists(atPath: path) else { return (Bibliography(), [], ExactText("\u{0}none")) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return (Bibliography(), [Diagnostic(.error, "references.unreadable", "cannot read the references as UTF-8 text",
                at: SourceLocation(file: Bibliography.fileName, line: 1))], ExactText("\u{0}unreadable"))
        }
        guard let cache = configuration.cache else {
            let (bibliography, problems) = BibliographyParser.parse(text, file: Bibliography.fileName)
            return (bibliography, problems, ExactText(text))
        }
        let (bibliography, problems) = cache.bibliography(ExactText(text)) { BibliographyParser.parse(text, file: Bibliography.fileName) }
        return (bibliography, problems, ExactText(text))
    }

    /// The course's site files over the built-in ones, file by file.
    var assetFiles: SiteAssetFiles {
        SiteAssetFiles(course: configuration.siteAssetsDirectory, builtIn: configuration.builtInAssetsDirectory)
    }

    /// `html` with the live-reload script before `</body>` when `liveReload` (`lessons preview`), for a page at
    /// `path` in the site. The tag's `data-page` is a hash of `html`, by which the script knows that a fetched copy
    /// of its page is the file it was parsed from.
    static func withLiveReload(_ html: String, path: String, if liveReload: Bool) -> String {
        guard liveReload else { return html }
        let up = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let hash = FolderManifest.hash(Array(html.utf8)).prefix(32)
        return html.replacingBytes(
            of: "</body>", with: "<script src=\"\(up)assets/live-reload.js\" data-page=\"\(hash)\"></script>\n</body>")
    }

    /// The texts of the templates (`templates/*.mustache`, the course's over the built-in ones), by file name.
    func templateSources() throws(SiteError) -> [(name: String, text: String)] {
        var sources: [(name: String, text: String)] = []
        for file in assetFiles.files(in: "templates") where file.name.hasSuffix(".mustache") {
            do {
                sources.append((file.name, try String(contentsOf: file.url, encoding: .utf8)))
            } catch {
                throw SiteError([Diagnostic(.error, "site.template", "template cannot be read: \(error)",
                    at: SourceLocation(file: file.shownAs, line: 1, column: 1))])
            }
        }
        return sources
    }

    /// The Mustache templates of `sources` (``templateSources()``), each registered under its name without `.mustache`.
    func loadTemplates(_ sources: [(name: String, text: String)]) throws(SiteError) -> MustacheLibrary {
        var library = MustacheLibrary()
        let shown = Dictionary(assetFiles.files(in: "templates").map { ($0.name, $0.shownAs) }) { first, _ in first }
        for source in sources {
            do {
                try library.register(source.text, named: String(source.name.dropLast(".mustache".count)))
            } catch {
                throw SiteError([Diagnostic(.error, "site.template", "template does not parse: \(error)",
                    at: SourceLocation(file: shown[source.name] ?? "templates/\(source.name)", line: 1, column: 1))])
            }
        }
        for required in ["page", "index", "outline"] where library.getTemplate(named: required) == nil {
            throw SiteError([Diagnostic(.error, "site.template",
                "template \(required).mustache is missing (neither the course nor lessons has it: reinstall lessons)",
                at: SourceLocation(file: "Assets/site/templates/\(required).mustache", line: 1, column: 1))])
        }
        return library
    }

    /// The static files: each of the course's `Assets/site/static/` (and its folders, `fonts/`), else the
    /// built-in one; by path inside `static/`, sorted.
    func staticAssets() -> [(name: String, bytes: [UInt8])] {
        assetFiles.files(in: "static").compactMap { file in
            FileManager.default.contents(atPath: file.url.path).map { (file.name, Array($0)) }
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
            folder.durable = !configuration.scratchOutput
            try folder.replaceContents(with: files, hashes: configuration.cache?.fileHashes)
        } catch {
            throw SiteError([Diagnostic(.error, "site.write", "the site was not written: \(error)",
                at: SourceLocation(file: root.path, line: 1, column: 1))])
        }
    }
}
