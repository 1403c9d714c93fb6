#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// What a sandboxed program may read of the project, copied once per grading run into a folder the
/// unprivileged sandbox user can reach (the project itself may lie under a private home folder): the LessonKit
/// library and the course's data files. Mounted read-only in the sandbox at their original paths.
public struct SandboxImage: Sendable {
    /// The image folder.
    public let root: String
    /// (image path, path inside the sandbox) pairs.
    public let mounts: [(source: String, target: String)]

    /// Copies `lessonKitLibrary` and the project's `Assets` folder (without the site's templates) into a new
    /// image folder.
    public static func make(lessonKitLibrary: String, projectRoot: String) throws(ExecutionError) -> SandboxImage {
        // As root, bwrap mounts the image as the sandbox's own unprivileged user, who must be able to reach it: a
        // temporary directory under a private folder (a per-user TMPDIR) gives way to a shared one.
        let temporary = FileManager.default.temporaryDirectory.path
        let candidates = geteuid() == 0 ? [temporary] + sharedTemporaryFolders : [temporary]
        guard let parent = reachableFolder(among: candidates) else {
            throw .fileSystem("no folder for the sandbox image can be reached by the sandbox's unprivileged user: "
                + "\(firstClosedAncestor(of: temporary + "/image") ?? temporary) (TMPDIR) is not searchable by others, "
                + "nor is any of \(sharedTemporaryFolders.joined(separator: ", "))")
        }
        // Named like every temporary folder of a run (`lessons-PID-XXXXXX`): a killed grader's image is swept.
        if parent != temporary { LeftoverSweep.sweepTemporaryFolders(in: parent) }
        var template = Array((parent + "/lessons-\(getpid())-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw .fileSystem("cannot create a sandbox image folder in \(parent): \(String(cString: strerror(errno)))")
        }
        let root = String(cString: created)
        chmod(root, 0o755)
        var mounts: [(source: String, target: String)] = []
        do {
            let library = root + "/" + (lessonKitLibrary as NSString).lastPathComponent
            try FileManager.default.copyItem(atPath: lessonKitLibrary, toPath: library)
            chmod(library, 0o555)
            mounts.append((library, lessonKitLibrary))
            let assets = projectRoot + "/Assets"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: assets, isDirectory: &isDirectory), isDirectory.boolValue {
                let copy = root + "/Assets"
                try copyReadable(from: assets, to: copy, skipping: ["site"])
                mounts.append((copy, assets))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw .fileSystem("cannot prepare the sandbox image in \(root): \(error.localizedDescription)")
        }
        return SandboxImage(root: root, mounts: mounts)
    }

    /// Removes the image folder.
    public func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Copies regular files and folders (no links, no special files) readable by everyone.
    private static func copyReadable(from source: String, to target: String, skipping: Set<String>) throws {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        chmod(target, 0o755)
        for name in try FileManager.default.contentsOfDirectory(atPath: source).sorted() where !skipping.contains(name) {
            let from = source + "/" + name, to = target + "/" + name
            var status = stat()
            guard lstat(from, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                try copyReadable(from: from, to: to, skipping: [])
            } else if status.st_mode & S_IFMT == S_IFREG {
                try FileManager.default.copyItem(atPath: from, toPath: to)
                chmod(to, 0o444)
            }
        }
    }

    /// Where the image goes when the temporary directory cannot be reached by the sandbox's user.
    static let sharedTemporaryFolders = ["/tmp", "/var/tmp", "/dev/shm"]

    /// The first of `candidates` that is a folder which others can search, as can every folder above it.
    static func reachableFolder(among candidates: [String]) -> String? {
        candidates.first { candidate in
            var status = stat()
            return stat(candidate, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_mode & 0o001 != 0
                && firstClosedAncestor(of: candidate + "/image") == nil
        }
    }

    /// The first folder above `path` that users other than its owner cannot search (no `o+x`), if any.
    static func firstClosedAncestor(of path: String) -> String? {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        while folder.path != "/" {
            var status = stat()
            if stat(folder.path, &status) == 0, status.st_mode & 0o001 == 0 { return folder.path }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
