import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths, sizes and modification times of every file under some folders: two snapshots differ when any file
/// was added, removed or changed. Taken with `readdir` and `lstat` alone, so that looking every 20 ms costs little.
struct FileSnapshot: Equatable, Sendable {
    /// Path → size and modification time.
    let entries: [String: String]

    init(of folders: [URL]) {
        var entries: [String: String] = [:]
        for folder in folders { Self.walk(folder.path, into: &entries) }
        self.entries = entries
    }

    /// The paths added, removed or changed since `earlier`.
    func changedPaths(since earlier: FileSnapshot) -> Set<String> {
        var changed = Set(entries.keys.filter { earlier.entries[$0] != entries[$0] })
        changed.formUnion(earlier.entries.keys.filter { entries[$0] == nil })
        return changed
    }

    private static func walk(_ path: String, into entries: inout [String: String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            var status = stat()
            guard lstat(child, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walk(child, into: &entries)
            } else {
                #if canImport(Glibc)
                let modified = status.st_mtim
                #else
                let modified = status.st_mtimespec
                #endif
                entries[child] = "\(status.st_size)|\(modified.tv_sec).\(modified.tv_nsec)"
            }
        }
    }
}
