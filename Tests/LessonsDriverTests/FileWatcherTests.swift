import Foundation
@testable import SitePreview
import Testing

/// `lessons preview`'s watcher hears a save at once (inotify), also in a folder made after it started and in a
/// lessons folder replaced whole (as a checkout does) once it watches again; what it does not watch it only finds by
/// its half-second look.
@Suite struct FileWatcherTests {
    @Test func savesInNewAndReplacedFoldersWakeTheWatcher() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        let lessons = root.appendingPathComponent("Lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = FileWatcher(folders: [lessons], fallbackInterval: 0.02)
        try #require(watcher.usesKernelEvents, "inotify is available on Linux")

        try Data("a".utf8).write(to: lessons.appendingPathComponent("01-a.md"))
        #expect(watcher.waitForChange(), "a save in the folder")
        #expect(!watcher.waitForChange(), "nothing more: the look after half a second")

        // A folder made after the watcher started (figures of a new lesson), then a file in it.
        let figures = lessons.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        #expect(watcher.waitForChange(), "the new folder")
        try Data("<svg/>".utf8).write(to: figures.appendingPathComponent("plot.svg"))
        #expect(watcher.waitForChange(), "a file in the new folder")

        // The lessons folder replaced whole: its old watch is gone with the old folder.
        let replacement = root.appendingPathComponent("Lessons.new")
        try FileManager.default.createDirectory(at: replacement, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: lessons, to: root.appendingPathComponent("Lessons.old"))
        try FileManager.default.moveItem(at: replacement, to: lessons)
        _ = watcher.waitForChange()  // the old folder's move
        try Data("b".utf8).write(to: lessons.appendingPathComponent("01-a.md"))
        #expect(!watcher.waitForChange(), "not heard before the watcher watches the new folder")
        watcher.refreshWatches()
        try Data("c".utf8).write(to: lessons.appendingPathComponent("01-a.md"))
        #expect(watcher.waitForChange(), "heard once it does")
    }
}
