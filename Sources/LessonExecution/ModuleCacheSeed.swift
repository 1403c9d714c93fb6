#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Foundation

/// The Clang modules every lesson program imports (the C library, Foundation's shims, LessonKit's C modules), built
/// once by the grader, so that the sandboxed compile of each submission starts warm.
///
/// A sandboxed compiler has a home of its own, so without a seed it rebuilds these modules for every submission
/// (about 0.8 s of its compile). It cannot share one cache with other submissions either: what one compile writes
/// another would read. So each compile gets its own copy of the seed (hard links to files its user cannot change, or
/// copies), seen inside its sandbox at the seed's own path, because a module records the path of the cache it was
/// built in and is rebuilt anywhere else. That path is under `/tmp`, which every sandbox has as a fresh folder of
/// its own (elsewhere, a read-only folder of the host could stand in the way).
///
/// The seed's folder is removed when the seed is released, or on Ctrl-C.
public final class ModuleCacheSeed: Sendable {
    /// The folder the modules were built in; a sandboxed compile sees its copy at this path.
    public let path: String
    private let folder: String

    private init(folder: String) {
        self.folder = folder
        path = folder + "/modules"
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
        ExitCleanup.shared.unregister(folder)
    }

    /// Builds a seed by compiling a program that imports LessonKit with the same compiler arguments a lesson
    /// program gets; nil if that compile fails (compiles then start cold).
    public static func build(toolchain: Toolchain, lessonKit: LessonKitLocation, optimize: Bool) -> ModuleCacheSeed? {
        removeAbandoned(in: "/tmp")
        var template = Array("/tmp/lessons-\(getpid())-modules-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        let folder = String(cString: made)
        ExitCleanup.shared.register(folder)
        let seed = ModuleCacheSeed(folder: folder)
        let modules = seed.path
        do {
            try FileManager.default.createDirectory(atPath: modules, withIntermediateDirectories: true)
            try "import Foundation\nimport LessonKit\n".write(toFile: folder + "/seed.swift", atomically: false, encoding: .utf8)
        } catch {
            return nil
        }
        var compiler = SwiftCompiler(toolchain: toolchain, lessonKit: lessonKit)
        compiler.optimize = optimize
        compiler.moduleCachePath = modules
        guard let (errors, _) = try? compiler.compile(source: folder + "/seed.swift", executable: folder + "/seed", workDirectory: folder),
            errors.isEmpty
        else { return nil }
        // Read-only for everyone: a hard link in a sandbox's copy is the same file.
        guard let files = FileManager.default.enumerator(atPath: modules) else { return nil }
        for case let file as String in files {
            var status = stat()
            if lstat(modules + "/" + file, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
                _ = chmod(modules + "/" + file, 0o444)
            }
        }
        return seed
    }

    /// Removes the seeds in `folder` of graders that died without removing theirs (killed: no `deinit`, no Ctrl-C
    /// handler), 18 MB each: folders `lessons-PID-modules-XXXXXX` of this user whose PID no longer runs. Anything
    /// else there (another user's folder, a symbolic link, a running grader's seed) is left alone.
    static func removeAbandoned(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix("lessons-") && name.contains("-modules-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, parts[2] == "modules", let creator = pid_t(parts[1]), creator > 0, creator != getpid()
            else { continue }
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == geteuid() else { continue }
            guard kill(creator, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Makes `destination` (which must not exist) a copy of the seed owned by `owner` where given: its folders are
    /// new and writable by the owner; its files are hard links when the owner is another user than the seed's (who
    /// then cannot change them), copies with the same modification time otherwise. Returns whether it succeeded.
    func install(at destination: String, owner: UInt32?) -> Bool {
        let linkable = owner.map { $0 != geteuid() } ?? false
        guard mkdir(destination, 0o755) == 0 else { return false }
        if let owner { _ = chown(destination, owner, owner) }
        guard let entries = FileManager.default.enumerator(atPath: path) else { return false }
        for case let entry as String in entries {
            let source = path + "/" + entry
            let target = destination + "/" + entry
            var status = stat()
            guard lstat(source, &status) == 0 else { return false }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                guard mkdir(target, 0o755) == 0 else { return false }
                if let owner { _ = chown(target, owner, owner) }
            case S_IFREG:
                if linkable, link(source, target) == 0 { continue }
                guard Self.copy(source, to: target, modified: status.st_mtim) else { return false }
                if let owner { _ = chown(target, owner, owner) }
            default:
                continue
            }
        }
        return true
    }

    /// Copies a file's bytes and sets its modification time (Clang checks the times of the modules it imports).
    private static func copy(_ source: String, to target: String, modified: timespec) -> Bool {
        guard let data = FileManager.default.contents(atPath: source),
            FileManager.default.createFile(atPath: target, contents: data, attributes: [.posixPermissions: 0o644])
        else { return false }
        let times = [modified, modified]
        return utimensat(AT_FDCWD, target, times, 0) == 0
    }
}
