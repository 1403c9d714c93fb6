import APIReference
import Crypto
import Foundation
import LessonModel

/// The LessonKit reference pages kept on disk between builds, keyed by what they are made from.
///
/// Making them parses all of LessonKit's sources with swift-syntax: 60% of `lessons build` of the course in the
/// debug build the README runs (swift-syntax is not optimised there), the same work on every build. An entry's key
/// is the SHA-256 of LessonKit's source files (paths and texts) and of the `lessons` executable that makes the
/// pages (its path, size and modification time: a rebuilt `lessons` may make them differently), so a changed source
/// or a new `lessons` makes them again. A missing, damaged or unreadable entry is made again; a cache that cannot be
/// written is skipped.
struct ReferencePageCache {
    /// The folder of entries, `<key>.json`.
    let folder: URL
    /// The `lessons` executable that makes the pages.
    let executable: URL

    /// One page as kept: its area's slug and its Markdown.
    private struct Entry: Codable, Equatable {
        var slug: String
        var markdown: String
    }

    /// The reference pages of the sources under `sources`: from the cache when an entry has their key, else made
    /// now and kept.
    func pages(fromSourcesIn sources: URL) -> [(slug: String, markdown: String)] {
        let files = ReferencePages.sourceFiles(in: sources)
        let key = key(of: files)
        let path = folder.appendingPathComponent(key + ".json")
        if let data = FileManager.default.contents(atPath: path.path),
            let entries = try? JSONDecoder().decode([Entry].self, from: data)
        {
            return entries.map { ($0.slug, $0.markdown) }
        }
        let entries = ReferencePages.make(from: files).map { Entry(slug: $0.area.slug, markdown: $0.markdown) }
        store(entries, at: path)
        return entries.map { ($0.slug, $0.markdown) }
    }

    /// The key of pages made from `files` by ``executable``.
    func key(of files: [(file: String, text: String)]) -> String {
        var hasher = SHA256()
        func add(_ text: String) { hasher.update(data: Data((text + "\u{0}").utf8)) }
        add("lessons-reference-pages-v1")
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path)
        add(executable.path)
        add(String(attributes?[.size] as? Int ?? -1))
        add(String((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1))
        for (file, text) in files {
            add(file)
            add(text)
        }
        return hasher.finalize().hexDigits
    }

    /// Writes `entries` at `path` (through a temporary file renamed into place), and removes the other entries: only
    /// the current sources' pages are ever read again.
    private func store(_ entries: [Entry], at path: URL) {
        let manager = FileManager.default
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard (try? manager.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
            let data = try? encoder.encode(entries)
        else { return }
        let temporary = folder.appendingPathComponent(".\(path.lastPathComponent).\(getpid()).partial")
        guard manager.createFile(atPath: temporary.path, contents: data) else { return }
        guard rename(temporary.path, path.path) == 0 else {
            try? manager.removeItem(at: temporary)
            return
        }
        // Only names this cache writes (64 hexadecimal digits and `.json`): nothing else in the folder is touched.
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        where Self.isEntryName(name) && name != path.lastPathComponent {
            try? manager.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether `name` is an entry's file name: 64 lowercase hexadecimal digits, then `.json`.
    static func isEntryName(_ name: String) -> Bool {
        let utf8 = Array(name.utf8)
        return utf8.count == 69 && name.hasSuffix(".json")
            && utf8.prefix(64).allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
