import LessonModel

/// Checks that every internal link of the site resolves: `href="page.html#anchor"`, `href="#anchor"` and
/// `src="…"` must name a file of the site and an `id` on that page. External URLs are reported too: the site
/// makes no requests outside itself.
enum LinkChecker {
    /// What the check reads from one page: the `id`s it has and the `href` and `src` values it holds. Kept in a
    /// build's ``SiteRenderCache`` by the page's path and bytes.
    struct PageFacts: Sendable {
        var ids: Set<String>
        var links: [String]
        var sources: [String]

        init(html: String) {
            ids = Set(LinkChecker.values(of: "id", in: html))
            sources = LinkChecker.values(of: "src", in: html)
            links = LinkChecker.values(of: "href", in: html) + sources
        }
    }

    /// The problems of every page of `files` (by path in the site), in page order; pages are checked on `pool`,
    /// and what each page holds is kept in `cache` when there is one.
    static func check(
        _ files: [String: String], pool: WorkerPool = WorkerPool(width: 1), cache: SiteRenderCache? = nil
    ) -> [Diagnostic] {
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let facts = Dictionary(uniqueKeysWithValues: zip(pages, pool.map(pages) { name in
            guard let cache else { return PageFacts(html: files[name]!) }
            return cache.linkFacts([ExactText(name), ExactText(files[name]!)]) { PageFacts(html: files[name]!) }
        }))
        let ids = facts.mapValues(\.ids)
        // Every page links to every other through its outline: pages are checked in runs, and within a run each
        // link from one folder is resolved once.
        let runs = stride(from: 0, to: pages.count, by: 32).map { Array(pages[$0..<Swift.min($0 + 32, pages.count)]) }
        return pool.map(runs) { run in
            var resolved: [String: LinkStatus] = [:]
            return run.flatMap { name in problems(in: name, facts: facts[name]!, files: files, ids: ids, resolved: &resolved) }
        }.flatMap { $0 }
    }

    /// What a link resolves to.
    enum LinkStatus { case fine, missingFile, missingAnchor }

    /// The broken links and external resources of page `name`; `resolved` keeps the links already resolved from
    /// the page's folder (a link to `#anchor` alone, from the page itself).
    private static func problems(
        in name: String, facts: PageFacts, files: [String: String], ids: [String: Set<String>],
        resolved: inout [String: LinkStatus]
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let directory = name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) + "/" : ""
        for link in facts.links {
            // Links a reader may follow elsewhere are fine; resources from elsewhere are reported below.
            if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("//") || link.hasPrefix("mailto:") {
                continue
            }
            let key = (link.hasPrefix("#") ? name : directory) + "\u{0}" + link
            let status = resolved[key] ?? {
                let status = resolve(link, from: name, directory: directory, files: files, ids: ids)
                resolved[key] = status
                return status
            }()
            switch status {
            case .fine: break
            case .missingFile: problems.append(problem("\(name): link to a missing file: \(link)", name))
            case .missingAnchor: problems.append(problem("\(name): link to a missing anchor: \(link)", name))
            }
        }
        for resource in facts.sources where resource.hasPrefix("http") || resource.hasPrefix("//") {
            problems.append(problem("\(name): external resource \(resource)", name))
        }
        return problems
    }

    /// Whether `link`, on page `name` in `directory`, names a file of the site and an `id` on it.
    static func resolve(
        _ link: String, from name: String, directory: String, files: [String: String], ids: [String: Set<String>]
    ) -> LinkStatus {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let file = parts[0].isEmpty ? name : normalized(directory + String(parts[0]))
        guard files[file] != nil else { return .missingFile }
        if parts.count == 2, let pageIds = ids[file], !pageIds.contains(String(parts[1])) { return .missingAnchor }
        return .fine
    }

    private static let dotStep = Array("/.".utf8)

    /// `path` with `.` and `folder/..` steps removed (`reference/../assets/x.css` is `assets/x.css`).
    static func normalized(_ path: String) -> String {
        // Only a step that starts with "." can change: a path with none is its own normal form (every page links
        // to every other in its outline, so this runs a million times for 1,000 pages).
        guard path.hasPrefix(".") || path.containsBytes(dotStep) else { return path }
        return normalizedStepByStep(path)
    }

    /// ``normalized(_:)`` without its shortcut: every step looked at.
    static func normalizedStepByStep(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Every value of `attribute="…"` in `html`.
    static func values(of attribute: String, in html: String) -> [String] {
        HTMLScan.attributeValues(attribute, in: html)
    }

    private static func problem(_ message: String, _ file: String) -> Diagnostic {
        Diagnostic(.error, "site.link", message, at: SourceLocation(file: "site/\(file)", line: 1, column: 1))
    }
}
