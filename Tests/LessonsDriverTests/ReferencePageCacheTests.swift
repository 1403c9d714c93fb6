import APIReference
import Foundation
import Testing
import TestSupport

@testable import LessonsDriver

/// The LessonKit reference pages kept between builds: read back when nothing they are made from changed, made again
/// when a source or the `lessons` executable changed or the entry is damaged, and made without a cache that cannot
/// be written. In every case the pages are those made from the sources now.
@Suite struct ReferencePageCacheTests {
    /// A LessonKit source folder with one documented function, a stand-in `lessons` executable and a cache folder.
    struct Setup {
        let project: TemporaryProject
        var sources: URL { project.root.appendingPathComponent("LessonKit") }
        var executable: URL { project.root.appendingPathComponent("lessons") }
        var folder: URL { project.root.appendingPathComponent("cache/reference-pages") }
        var cache: ReferencePageCache { ReferencePageCache(folder: folder, executable: executable) }

        init() throws {
            project = try TemporaryProject()
            try FileManager.default.createDirectory(
                at: project.root.appendingPathComponent("LessonKit/Models"), withIntermediateDirectories: true)
            try Data("binary".utf8).write(to: executable)
            try write(doc: "Adds two numbers.")
        }

        func write(doc: String) throws {
            try Data("/// \(doc)\npublic func add(_ a: Double, _ b: Double) -> Double { a + b }\n".utf8)
                .write(to: sources.appendingPathComponent("Models/Add.swift"))
        }

        /// The one entry in the cache folder.
        func entry() throws -> URL {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter(ReferencePageCache.isEntryName)
            try #require(names.count == 1, "\(names)")
            return folder.appendingPathComponent(names[0])
        }

        /// The pages made now, without the cache.
        func fresh() -> [String] { ReferencePages.make(fromSourcesIn: sources).map(\.markdown) }
    }

    @Test func theSecondBuildReadsWhatTheFirstKept() throws {
        let setup = try Setup()
        defer { setup.project.remove() }
        let first = setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown)
        #expect(first == setup.fresh())
        #expect(first.joined().contains("Adds two numbers."))
        // An entry changed behind the cache's back is what it gives: the pages were read, not made.
        let entry = try setup.entry()
        let kept = try String(contentsOf: entry, encoding: .utf8)
        try Data(kept.replacingOccurrences(of: "Adds two numbers.", with: "Read from the cache.").utf8).write(to: entry)
        #expect(setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown).joined().contains("Read from the cache."))
    }

    @Test func aChangedSourceOrANewLessonsMakesThePagesAgain() throws {
        let setup = try Setup()
        defer { setup.project.remove() }
        _ = setup.cache.pages(fromSourcesIn: setup.sources)
        let firstEntry = try setup.entry()
        try setup.write(doc: "Adds two numbers, in order.")
        let changed = setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown)
        #expect(changed == setup.fresh())
        #expect(changed.joined().contains("Adds two numbers, in order."))
        // Only the current entry is kept; a file of someone else's in the folder is left alone.
        #expect(try setup.entry() != firstEntry)
        let theirs = setup.folder.appendingPathComponent("notes.json")
        try Data("{}".utf8).write(to: theirs)
        try setup.write(doc: "Adds two numbers, once more.")
        _ = setup.cache.pages(fromSourcesIn: setup.sources)
        #expect(FileManager.default.fileExists(atPath: theirs.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.folder.path).filter(ReferencePageCache.isEntryName).count == 1)
        // A rebuilt `lessons` (another modification time) has another key.
        let before = setup.cache.key(of: ReferencePages.sourceFiles(in: setup.sources))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3_600)], ofItemAtPath: setup.executable.path)
        #expect(setup.cache.key(of: ReferencePages.sourceFiles(in: setup.sources)) != before)
    }

    @Test(arguments: ["garbage", "truncated", "empty", "folder"])
    func aDamagedEntryIsMadeAgainAndReplaced(damage: String) throws {
        let setup = try Setup()
        defer { setup.project.remove() }
        _ = setup.cache.pages(fromSourcesIn: setup.sources)
        let entry = try setup.entry()
        let kept = try Data(contentsOf: entry)
        switch damage {
        case "garbage": try Data([0xFF, 0x00, 0x7B]).write(to: entry)
        case "truncated": try kept.prefix(kept.count / 2).write(to: entry)
        case "empty": try Data().write(to: entry)
        default:
            try FileManager.default.removeItem(at: entry)
            try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: false)
        }
        #expect(setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown) == setup.fresh())
        if damage != "folder" { #expect(try Data(contentsOf: entry) == kept) }
    }

    @Test func aCacheThatCannotBeWrittenStillGivesThePages() throws {
        let setup = try Setup()
        defer { setup.project.remove() }
        // A file where the cache folder's parent should be.
        try Data("in the way".utf8).write(to: setup.project.root.appendingPathComponent("cache"))
        #expect(setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown) == setup.fresh())
        #expect(setup.cache.pages(fromSourcesIn: setup.sources).map(\.markdown) == setup.fresh())
    }
}
