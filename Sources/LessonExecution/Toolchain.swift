public import Foundation

/// The Swift compiler that builds lesson programs, and its version (part of every output fingerprint).
public struct Toolchain: Sendable {
    /// Path of `swiftc`.
    public let compiler: String
    /// `swiftc --version`'s first line, e.g. `Swift version 6.3.1 (swift-6.3.1-RELEASE)`.
    public let version: String

    /// Whether LLVM's linker, `ld.lld`, is beside `swiftc` (as in Swift's Linux toolchains), where the driver's
    /// `clang` looks for it first: beside the file `swiftc` is, following symbolic links (`/usr/bin/swiftc` often
    /// points into the toolchain).
    public var hasLLD: Bool {
        let real = URL(fileURLWithPath: compiler).resolvingSymlinksInPath().path
        let folder = (real as NSString).deletingLastPathComponent
        return FileManager.default.isExecutableFile(atPath: folder + "/ld.lld")
    }

    /// Finds `swiftc`: `$LESSONS_SWIFTC`, then each directory of `$PATH`, then `/opt/swift/usr/bin`.
    /// The version is cached in `cacheDirectory`, keyed by the compiler's path, size and modification time.
    public static func locate(cacheDirectory: URL?) throws(ExecutionError) -> Toolchain {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let explicit = environment["LESSONS_SWIFTC"] { candidates.append(explicit) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/swiftc")
        }
        candidates.append("/opt/swift/usr/bin/swiftc")
        guard let compiler = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .compilerNotFound(searched: candidates)
        }
        return Toolchain(compiler: compiler, version: try version(of: compiler, cacheDirectory: cacheDirectory))
    }

    private static func version(of compiler: String, cacheDirectory: URL?) throws(ExecutionError) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: compiler)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "\(compiler)|\(size)|\(modified)"
        let cacheFile = cacheDirectory?.appendingPathComponent("toolchain-version.txt")
        if let cacheFile, let cached = try? String(contentsOf: cacheFile, encoding: .utf8) {
            let parts = cached.split(separator: "\n", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0] == key { return parts[1] }
        }
        // The driver leaves a `TemporaryDirectory.XXXXXX` in TMPDIR even for `--version`: it gets a private
        // folder, removed after (grading left one in the user's TMPDIR whenever this was not cached).
        let scratch = try TemporaryFolder.make()
        defer { scratch.remove() }
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = scratch.path
        let output = try CommandRunner.run(compiler, arguments: ["--version"], environment: environment).output
        let version = output.split(separator: "\n").first.map(String.init) ?? output
        if let cacheFile {
            try? FileManager.default.createDirectory(
                at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? (key + "\n" + version).write(to: cacheFile, atomically: true, encoding: .utf8)
        }
        return version
    }
}
