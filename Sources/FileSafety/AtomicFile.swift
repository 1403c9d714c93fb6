public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees either the old or the new content, never a mix, the way git and editors
/// do: follow a symbolic link to the real file, write a temporary file beside it, fsync, rename it over the real
/// file, fsync the folder. The file keeps its mode and (when allowed) its owner and group.
///
/// A file with other hard links is refused: a rename would split the links (the other names would keep the old
/// text), and writing in place could leave half a file after a crash.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically.
    /// - Parameter durable: flush the file and its folder to the disk before returning (the default). Without, the
    ///   replacement is still atomic for readers, but a power cut may lose it: only for scratch output that is made
    ///   again anyway (`lessons preview`'s site).
    /// - Throws: ``FileError`` naming the path and the reason.
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true) throws(FileError) {
        let target = try realTarget(of: url.path)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists {
            guard existing.st_mode & S_IFMT == S_IFREG else {
                throw FileError(path: url.path, action: "cannot write", reason: "not a regular file")
            }
            guard existing.st_nlink <= 1 else {
                throw FileError(
                    path: url.path, action: "cannot write",
                    reason: "it has \(existing.st_nlink) hard links; replacing it would split them: make the other names symbolic links")
            }
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/.\(name).lessons-\(getpid())-\(UUID().uuidString.prefix(8))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileError(path: url.path, action: "cannot write", errno: errno) }
        do throws(FileError) {
            try writeAll(bytes, to: descriptor, path: url.path)
            if exists {
                guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else {
                    throw FileError(path: url.path, action: "cannot keep the file's mode", errno: errno)
                }
                if existing.st_uid != geteuid() || existing.st_gid != getegid() {
                    // Only the owner's rights allow this; without them the file becomes ours, as with an editor.
                    _ = fchown(descriptor, existing.st_uid, existing.st_gid)
                }
            }
            guard !durable || fsync(descriptor) == 0 else { throw FileError(path: url.path, action: "cannot write", errno: errno) }
            close(descriptor)
            guard rename(temporary, target) == 0 else { throw FileError(path: url.path, action: "cannot write", errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard durable else { return }
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// The path a write to `path` must replace: `path` itself, or the file its symbolic links lead to.
    static func realTarget(of path: String) throws(FileError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            throw FileError(path: path, action: "cannot write", reason: "it is a symbolic link to a file that does not exist")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "cannot write", errno: errno)
            }
            offset += written
        }
    }
}

/// The C library's `write(2)` (the name is taken inside ``AtomicFile``).
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
