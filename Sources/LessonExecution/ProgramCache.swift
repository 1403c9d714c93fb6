import Crypto
public import Foundation
import LessonModel

/// Compiled lesson programs kept by everything they were compiled from, so that `lessons run` does not compile
/// the same cells twice: a lesson run again with `--force`, cleared and run, or whose prose changed runs the
/// program it compiled before.
///
/// A program is the same when its text is (its lines numbered by a ``ProgramLineMap``, so outputs and prose do not
/// change it), with the same compiler arguments, toolchain and LessonKit (`salt`, and the built library's size and
/// date). Each entry is one file, `<key>.program`: a header with the SHA-256 of the executable, then the executable.
/// It is written under a temporary name and renamed into place, and its hash is checked on every use, so a torn
/// write or a damaged disk costs a compile, never a wrong program. Grading never uses the cache.
public struct ProgramCache: Sendable {
    /// The cache's folder (created when needed).
    public let folder: String
    /// The toolchain's and LessonKit's fingerprint.
    public let salt: String
    /// The most the folder keeps, in bytes: the entries used longest ago go first.
    public var limitBytes = 64 << 20

    private static let magic = "lessons-program-v1"

    /// Creates a cache in `folder`.
    public init(folder: String, salt: String) {
        self.folder = folder
        self.salt = salt
    }

    /// The key of `program` compiled with `arguments` (without the paths that differ from run to run) against the
    /// library in `libraryDirectory`.
    func key(program: String, arguments: [String], libraryDirectory: String) -> String {
        var hasher = SHA256()
        var parts = [Self.magic, salt] + arguments
        for name in ["libLessonKit.so", "libLessonKit.dylib"] {
            let path = libraryDirectory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let size = (attributes[.size] as? Int) ?? -1
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            parts.append("\(name) \(size) \(date)")
        }
        parts.append(program)
        for part in parts {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        return hasher.finalize().hexDigits
    }

    /// Writes the program kept under `key` to `executable`; false when there is none, or it is damaged (then it
    /// is removed).
    func restore(_ key: String, to executable: String) -> Bool {
        let path = entryPath(key)
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        guard let newline = data.firstIndex(of: 0x0A),
            let header = String(data: data[data.startIndex..<newline], encoding: .utf8),
            header == Self.magic + " " + Self.hash(data[(newline + 1)...])
        else {
            try? FileManager.default.removeItem(atPath: path)
            return false
        }
        do {
            try ProgramFile.write(data[(newline + 1)...], to: executable)
        } catch {
            return false
        }
        // Used now: pruning keeps it longest.
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        return true
    }

    /// Keeps the program at `executable` under `key`, then prunes; a cache that cannot be written is skipped.
    func store(_ executable: String, key: String) {
        guard let program = FileManager.default.contents(atPath: executable) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var entry = Data((Self.magic + " " + Self.hash(program[...]) + "\n").utf8)
        entry.append(program)
        let temporary = folder + "/.\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: entry) else { return }
        if rename(temporary, entryPath(key)) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        prune()
    }

    /// Removes the least recently used entries until the rest fit in ``limitBytes``, and partial files left by a
    /// run that was killed while storing (older than a minute).
    func prune() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder) else { return }
        var entries: [(path: String, used: Date, size: Int)] = []
        for name in names {
            let path = folder + "/" + name
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                let used = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int
            else { continue }
            if name.hasSuffix(".partial") {
                if used.timeIntervalSinceNow < -60 { try? manager.removeItem(atPath: path) }
                continue
            }
            if name.hasSuffix(".program") { entries.append((path, used, size)) }
        }
        var total = entries.reduce(0) { $0 + $1.size }
        for entry in entries.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) where total > limitBytes {
            if (try? manager.removeItem(atPath: entry.path)) != nil { total -= entry.size }
        }
    }

    private func entryPath(_ key: String) -> String { folder + "/" + key + ".program" }

    private static func hash(_ data: Data.SubSequence) -> String {
        SHA256.hash(data: data).hexDigits
    }
}
