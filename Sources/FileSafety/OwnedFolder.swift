public import Foundation

/// An output folder that `build` and `release` own, like cargo's `target/` or Hugo's `public/`: either empty (or
/// not yet there) or holding only files listed in its ``FolderManifest``. Only listed files are ever replaced or
/// deleted; the project, its lessons and anything holding them are refused outright.
public struct OwnedFolder: Sendable {
    /// The folder, with symbolic links resolved.
    public let url: URL
    /// The folder as the user named it, for messages.
    public let displayName: String
    /// The files the folder's manifest lists (empty for a new folder).
    public private(set) var manifest: FolderManifest
    /// Whether each write is flushed to the disk (``AtomicFile/write(_:to:durable:)``); false only for scratch output.
    public var durable = true

    /// Claims `url` for writing, or explains why it is not ours to write.
    /// - Parameters:
    ///   - displayName: how the user named the folder (e.g. the `--out` value).
    ///   - projectRoot: the project; it and its ancestors are refused.
    ///   - lessonsDirectory: `Lessons/`; it and its subfolders are refused.
    /// - Throws: ``OwnedFolderError``.
    public static func claim(_ url: URL, displayName: String, projectRoot: URL, lessonsDirectory: URL)
        throws(OwnedFolderError) -> OwnedFolder
    {
        let path = resolve(url.standardizedFileURL.path)
        let root = resolve(projectRoot.standardizedFileURL.path), lessons = resolve(lessonsDirectory.standardizedFileURL.path)
        if path == root || path == "/" || root.hasPrefix(path + "/") {
            throw .holdsProject(folder: displayName, isRoot: path == root)
        }
        if path == lessons || path.hasPrefix(lessons + "/") { throw .lessonsFolder(folder: displayName) }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return OwnedFolder(url: URL(fileURLWithPath: path), displayName: displayName, manifest: FolderManifest())
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(folder: displayName) }
        let manifestPath = path + "/" + FolderManifest.fileName
        var manifest = FolderManifest()
        let hasManifest = lstat(manifestPath, &info) == 0
        if hasManifest {
            guard info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: manifestPath),
                let text = String(data: data, encoding: .utf8), let parsed = FolderManifest.parse(text)
            else { throw .damagedManifest(folder: displayName) }
            manifest = parsed
        }
        let foreign = foreignEntries(in: path, relative: "", owned: manifest.files)
        if !foreign.isEmpty {
            let lessonNames = foreign.filter { isLesson(path + "/" + $0) }
            throw .foreignFiles(
                folder: displayName, examples: Array(foreign.prefix(3)), lessons: Array(lessonNames.prefix(3)),
                count: foreign.count, hasManifest: hasManifest)
        }
        return OwnedFolder(url: URL(fileURLWithPath: path), displayName: displayName, manifest: manifest)
    }

    /// Makes the folder's owned files exactly `contents` (relative path → bytes): writes what changed, deletes
    /// owned files no longer produced, and records the new manifest. Files it does not own are never touched.
    /// `hashes` keeps the hashes of the last write (a folder written again and again).
    public mutating func replaceContents(
        with contents: [String: [UInt8]], hashes: ContentHashMemo? = nil
    ) throws(OwnedFolderError) {
        try write(contents, final: FolderManifest(contents: contents, memo: hashes))
    }

    /// Adds or replaces `contents`, keeping the other owned files (a release next to earlier releases).
    public mutating func add(_ contents: [String: [UInt8]]) throws(OwnedFolderError) {
        var final = manifest
        final.files.merge(FolderManifest(contents: contents).files) { _, new in new }
        try write(contents, final: final)
    }

    // MARK: Writing

    private mutating func write(_ contents: [String: [UInt8]], final: FolderManifest) throws(OwnedFolderError) {
        precondition(contents.keys.allSatisfy(FolderManifest.isSafe), "output paths stay inside the folder")
        try makeFolder(url.path)
        // First the union of old and new: a build killed halfway leaves only listed files behind.
        var staged = manifest
        staged.files.merge(final.files) { _, new in new }
        try record(staged)
        for (name, bytes) in contents.sorted(by: { $0.key < $1.key }) {
            let file = url.path + "/" + name
            if let existing = FileManager.default.contents(atPath: file), existing.hasBytes(bytes) { continue }
            try makeFolder((file as NSString).deletingLastPathComponent)
            do throws(FileError) {
                try AtomicFile.write(bytes, to: URL(fileURLWithPath: file), durable: durable)
            } catch {
                throw .file(FileError(path: displayPath(name), action: error.action, reason: error.reason))
            }
        }
        for name in staged.files.keys.sorted() where final.files[name] == nil {
            let file = url.path + "/" + name
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            guard unlink(file) == 0 else { throw .file(FileError(path: displayPath(name), action: "cannot delete", errno: errno)) }
            var folder = (name as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(url.path + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        try record(final)
    }

    private mutating func record(_ next: FolderManifest) throws(OwnedFolderError) {
        let file = URL(fileURLWithPath: url.path + "/" + FolderManifest.fileName)
        let bytes = Array(next.text.utf8)
        if FileManager.default.contents(atPath: file.path)?.hasBytes(bytes) != true {
            do throws(FileError) {
                try AtomicFile.write(bytes, to: file, durable: durable)
            } catch {
                throw .file(FileError(path: displayPath(FolderManifest.fileName), action: error.action, reason: error.reason))
            }
        }
        manifest = next
    }

    private func makeFolder(_ path: String) throws(OwnedFolderError) {
        let shown = path == url.path ? displayName : displayPath(String(path.dropFirst(url.path.count + 1)))
        do throws(FileError) {
            try Folder.make(path, shownAs: shown)
        } catch {
            throw .file(error)
        }
    }

    private func displayPath(_ name: String) -> String {
        (displayName.hasSuffix("/") ? displayName : displayName + "/") + name
    }

    // MARK: Looking

    /// `path` with symbolic links resolved as far as it exists, the rest appended.
    static func resolve(_ path: String) -> String {
        var existing = path, rest: [String] = []
        var info = stat()
        while existing != "/" && lstat(existing, &info) != 0 {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = realpath(existing, nil) else { return path }
        defer { free(real) }
        let base = String(cString: real)
        return rest.isEmpty ? base : (base == "/" ? "" : base) + "/" + rest.joined(separator: "/")
    }

    /// Relative paths of everything under `folder` that is not an owned regular file (folders are walked, not
    /// listed; a symbolic link is never owned), sorted.
    static func foreignEntries(in folder: String, relative: String, owned: [String: String]) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var foreign: [String] = []
        for name in names where !(relative.isEmpty && name == FolderManifest.fileName) {
            let path = folder + "/" + name, key = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: foreign += foreignEntries(in: path, relative: key, owned: owned)
            case S_IFREG where owned[key] != nil: continue
            default: foreign.append(key)
            }
        }
        return foreign
    }

    /// Whether `path` is a Markdown file with `{swift}` cells.
    static func isLesson(_ path: String) -> Bool {
        guard path.hasSuffix(".md"), let data = FileManager.default.contents(atPath: path) else { return false }
        return String(decoding: data, as: UTF8.self).contains("```{swift}")
    }
}
