public import Foundation
import LessonModel

/// The LessonKit reference as Markdown pages, one per ``ReferenceArea``, made from LessonKit's sources: every
/// public declaration with its signature and its `///` comment, types with their members.
public enum ReferencePages {
    /// A page: its area and its Markdown (front matter, headings per declaration, signatures in `swift` blocks).
    public struct Page: Sendable {
        /// The area the page documents.
        public var area: ReferenceArea
        /// The page's Markdown, a lesson without cells.
        public var markdown: String
    }

    /// The pages for the Swift files under `sources` (LessonKit's source folder), in the order of
    /// ``ReferenceArea/all``; an area without declarations has no page. Deterministic: files are read in sorted order.
    public static func make(fromSourcesIn sources: URL) -> [Page] {
        make(from: sourceFiles(in: sources))
    }

    /// The Swift files under `sources` (path relative to it, and text), in sorted order: what the pages are made
    /// from. A file that is not UTF-8 is left out.
    public static func sourceFiles(in sources: URL) -> [(file: String, text: String)] {
        let files = (FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        var texts: [(file: String, text: String)] = []
        for file in files {
            if let text = try? String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8) {
                texts.append((file, text))
            }
        }
        return texts
    }

    /// The pages for `files` (path relative to LessonKit's source folder, and text). The files are parsed on `jobs`
    /// threads (default: one per core); the pages do not depend on it.
    public static func make(from files: [(file: String, text: String)], jobs: Int? = nil) -> [Page] {
        var entriesByArea: [String: [ReferenceEntry]] = [:]
        var extensionsByArea: [String: [(owner: String, entry: ReferenceEntry)]] = [:]
        let pool = WorkerPool(width: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let collected = pool.map(files.map { FileText(file: $0.file, text: $0.text) }) {
            ReferenceCollector.collect($0.text, file: $0.file)
        }
        for ((file, _), declarations) in zip(files, collected) {
            let folder = file.split(separator: "/").first.map(String.init) ?? ""
            let area = file.contains("/") ? ReferenceArea.area(of: folder) : ReferenceArea.other
            for found in declarations {
                if let owner = found.owner {
                    extensionsByArea[area.slug, default: []].append((owner, found.entry))
                } else {
                    entriesByArea[area.slug, default: []].append(found.entry)
                }
            }
        }
        var pages: [Page] = []
        for area in ReferenceArea.all + [ReferenceArea.other] {
            var entries = entriesByArea[area.slug] ?? []
            for (owner, member) in extensionsByArea[area.slug] ?? [] {
                if let index = entries.firstIndex(where: { $0.isType && $0.name == owner }) {
                    entries[index].members.append(member)
                } else if let index = entries.firstIndex(where: { $0.name == "\(owner) (extension)" }) {
                    entries[index].members.append(member)
                } else {
                    var holder = ReferenceEntry(name: "\(owner) (extension)", declaration: "extension \(owner)",
                        documentation: "What LessonKit adds to `\(owner)`.", file: member.file, isType: true)
                    holder.members = [member]
                    entries.append(holder)
                }
            }
            guard !entries.isEmpty else { continue }
            pages.append(Page(area: area, markdown: markdown(area, entries)))
        }
        return pages
    }

    /// The Markdown page of `area` listing `entries`.
    static func markdown(_ area: ReferenceArea, _ entries: [ReferenceEntry]) -> String {
        let scope = area.folders.isEmpty ? "that the other pages do not list"
            : "of " + area.folders.map { "`Sources/LessonKit/\($0)/`" }.joined(separator: " and ")
        var text = """
            ---
            title: "LessonKit: \(area.title)"
            part: LessonKit reference
            chapter: Reference
            ---

            # \(area.title)

            \(area.summary)

            Every cell has `LessonKit` (it is imported for you); functions such as `exp` and `log` of `Double` need
            `import Foundation`. This page lists the public declarations \(scope), with their documentation.

            """
        for entry in entries { text += section(entry, level: 2) }
        return text
    }

    static func section(_ entry: ReferenceEntry, level: Int) -> String {
        var text = "\n" + String(repeating: "#", count: min(level, 4)) + " `\(entry.name)`\n\n"
        text += "```swift\n\(entry.declaration)\n```\n\n"
        text += entry.documentation.isEmpty ? "*Not documented yet.*\n" : safeMarkdown(entry.documentation) + "\n"
        for member in entry.members { text += section(member, level: level + 1) }
        return text
    }

    /// Documentation as page Markdown: a code span that starts with `{swift} ` would be a value in prose to
    /// compute; a no-break space keeps it text.
    static func safeMarkdown(_ documentation: String) -> String {
        documentation.replacingOccurrences(of: "{swift} ", with: "{swift}\u{00A0}")
    }

    /// A source file to parse on the pool.
    private struct FileText: Sendable {
        var file: String
        var text: String
    }
}
