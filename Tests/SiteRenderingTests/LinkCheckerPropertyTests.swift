import LessonModel
import PropertyBased
import Testing

@testable import SiteRendering

/// The link check, which resolves each link once per folder within a run of pages, reports what checking every
/// link of every page on its own reports, in the same order, for generated sites: pages in folders, links to files
/// and anchors that exist or not, anchors of the page itself (which exist on some pages and not others), `..`
/// steps, external links and resources, more pages than one run holds.
@Suite struct LinkCheckerPropertyTests {
    static let pageNames = ["index.html", "01-a.html", "02-b.html", "reference/x.html", "reference/y.html", "a/b/c.html"]
    static let targets = [
        "01-a.html", "02-b.html#intro", "02-b.html#nowhere", "#intro", "#top", "missing.html", "../index.html",
        "reference/x.html#api", "y.html", "../01-a.html#intro", "./02-b.html", "https://example.org/", "mailto:a@b",
        "assets/style.css", "../assets/style.css", "",
    ]

    /// Every page checked on its own, every link resolved afresh: the reference.
    static func checkOneByOne(_ files: [String: String]) -> [String] {
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        let ids = Dictionary(uniqueKeysWithValues: pages.map { ($0, Set(LinkChecker.values(of: "id", in: files[$0]!))) })
        var messages: [String] = []
        for name in pages {
            let text = files[name]!
            let directory = name.contains("/") ? String(name[..<name.lastIndex(of: "/")!]) + "/" : ""
            for link in LinkChecker.values(of: "href", in: text) + LinkChecker.values(of: "src", in: text) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("//") || link.hasPrefix("mailto:") {
                    continue
                }
                switch LinkChecker.resolve(link, from: name, directory: directory, files: files, ids: ids) {
                case .fine: break
                case .missingFile: messages.append("\(name): link to a missing file: \(link)")
                case .missingAnchor: messages.append("\(name): link to a missing anchor: \(link)")
                }
            }
            for resource in LinkChecker.values(of: "src", in: text) where resource.hasPrefix("http") || resource.hasPrefix("//") {
                messages.append("\(name): external resource \(resource)")
            }
        }
        return messages
    }

    @Test func runsAndRememberedLinksReportWhatCheckingEachLinkReports() async {
        // Each page is a list of codes: a link to one of the targets, an id, or an external image.
        let page = Gen.int(in: 0..<(Self.targets.count + 5)).array(of: 0...16)
        await propertyCheck(count: 120, input: page.array(of: 1...80)) { generated in
            var files: [String: String] = ["assets/style.css": "body {}"]
            let idNames = ["intro", "top", "api", "other"]
            for (index, codes) in generated.enumerated() {
                let base = Self.pageNames[index % Self.pageNames.count]
                let name = index < Self.pageNames.count ? base : base.replacingOccurrences(of: ".html", with: "-\(index).html")
                let html = codes.map { code in
                    code < Self.targets.count ? "<a href=\"\(Self.targets[code])\">l</a>"
                        : code - Self.targets.count < idNames.count ? "<h2 id=\"\(idNames[code - Self.targets.count])\">x</h2>"
                        : "<img src=\"https://example.org/i.png\">"
                }.joined()
                files[name] = "<html><body>\(html)</body></html>"
            }
            let reported = LinkChecker.check(files, pool: WorkerPool(width: 2)).map(\.message)
            #expect(reported == Self.checkOneByOne(files))
        }
    }
}
