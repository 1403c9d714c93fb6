import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits until something under some folders may have changed. On Linux the kernel says so (inotify, on every
/// folder and subfolder): a save wakes the watcher at once, and little runs while nothing changes (a look every
/// half second stays as a safety net, for a folder made and filled before its watch was added). Where inotify is
/// missing, a look every `fallbackInterval` seconds is all there is.
/// Callers compare ``FileSnapshot``s after each wake: a wake says "look", never "changed".
final class FileWatcher: @unchecked Sendable {
    private let folders: [URL]
    private let fallbackInterval: Double
    private var descriptor: Int32 = -1

    /// A watcher of `folders` (and everything under them).
    init(folders: [URL], fallbackInterval: Double) {
        self.folders = folders
        self.fallbackInterval = fallbackInterval
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if descriptor >= 0 { for folder in folders { watchTree(folder.path) } }
        #endif
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether the kernel tells this watcher of changes (else it only looks every `fallbackInterval`).
    var usesKernelEvents: Bool { descriptor >= 0 }

    /// Returns once something may have changed, or after half a second (`fallbackInterval` without inotify):
    /// true when the kernel reported a change. Events that come within a few milliseconds of the first (an editor
    /// writing a file in steps) are taken with it.
    @discardableResult
    func waitForChange() -> Bool {
        guard descriptor >= 0 else {
            usleep(useconds_t(fallbackInterval * 1e6))
            return false
        }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 500) > 0 else { return false }
        usleep(2_000)
        drainEvents()
        return true
    }

    /// Watches every folder under the watched ones again (after a change: a folder replaced whole, as a checkout
    /// does, is a new folder the old watch does not see).
    func refreshWatches() {
        #if os(Linux)
        if descriptor >= 0 { for folder in folders { watchTree(folder.path) } }
        #endif
    }

    #if os(Linux)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches `path` and every folder under it (a folder watched already keeps its one watch).
    private func watchTree(_ path: String) {
        guard inotify_add_watch(descriptor, path, Self.mask) >= 0 else { return }
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var status = stat()
            if lstat(path + "/" + name, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { watchTree(path + "/" + name) }
        }
    }

    /// Reads every pending event; a folder made or moved in is watched too.
    private func drainEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var newFolders = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (mask, length) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.mask, Int(event.len))
                }
                if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { newFolders = true }
                offset += MemoryLayout<inotify_event>.size + length
            }
        }
        // Which folder an event names needs its watch's path; looking again from the top is simpler and rare.
        if newFolders { for folder in folders { watchTree(folder.path) } }
    }
    #else
    private func drainEvents() {}
    #endif
}
