public import Foundation

/// Where the built `LessonKit` library and module are, found relative to the `lessons` executable:
///
/// - in a package checkout, next to it, as SwiftPM lays them out (`libLessonKit.so`, `Modules/LessonKit.swiftmodule`),
///   in a debug and a release build alike; the C module maps come from the package's `Sources/C*/`;
/// - when installed (`install.sh`, see the README), in `../lib/lessons/` beside `bin/lessons`: the library,
///   `Modules/`, the C module maps under `include/<module>/module.modulemap`, and `toolchain.txt`, the first
///   line of `swiftc --version` of the compiler that built them.
public struct LessonKitLocation: Sendable {
    /// Folder of `libLessonKit.so` (or `.dylib`).
    public let libraryDirectory: String
    /// Folder containing `LessonKit.swiftmodule`.
    public let moduleDirectory: String
    /// Module maps of C modules that LessonKit's interface refers to (passed to the compiler).
    public let moduleMaps: [String]
    /// The compiler that built LessonKit (`Swift version 6.3.1 (swift-6.3.1-RELEASE)`), when recorded (installed).
    public var builtWith: String? = nil

    /// The folder an installed LessonKit lives in, relative to the installed executable's folder (`bin/`).
    public static let installedDirectory = "../lib/lessons"
    /// The file in the installed LessonKit folder naming the compiler that built it.
    public static let toolchainFileName = "toolchain.txt"

    /// Creates a location from its parts.
    public init(libraryDirectory: String, moduleDirectory: String, moduleMaps: [String], builtWith: String? = nil) {
        self.libraryDirectory = libraryDirectory
        self.moduleDirectory = moduleDirectory
        self.moduleMaps = moduleMaps
        self.builtWith = builtWith
    }

    /// Looks next to `executable` (default: this process's executable), then in the installed layout.
    public static func locate(executable: URL? = nil) throws(ExecutionError) -> LessonKitLocation {
        let executableURL = (executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let directory = executableURL.deletingLastPathComponent()
        if let built = find(in: directory) {
            var moduleMaps: [String] = []
            if let packageRoot = findPackageRoot(above: directory) {
                let sources = packageRoot.appendingPathComponent("Sources")
                moduleMaps = Self.moduleMaps(in: sources)
            }
            return LessonKitLocation(libraryDirectory: directory.path, moduleDirectory: built.module.path, moduleMaps: moduleMaps)
        }
        let installed = directory.appendingPathComponent(installedDirectory).standardizedFileURL
        if let built = find(in: installed) {
            let toolchainFile = installed.appendingPathComponent(toolchainFileName)
            let builtWith = (try? String(contentsOf: toolchainFile, encoding: .utf8))?
                .split(separator: "\n").first.map(String.init)
            return LessonKitLocation(
                libraryDirectory: installed.path, moduleDirectory: built.module.path,
                moduleMaps: moduleMaps(in: installed.appendingPathComponent("include")), builtWith: builtWith)
        }
        let configuration = directory.lastPathComponent == "release" ? " -c release" : ""
        var message = "LessonKit is not built next to the runner (\(directory.path)) nor installed in "
            + "\(installed.path): expected libLessonKit.so and Modules/LessonKit.swiftmodule there."
        if findPackageRoot(above: directory) != nil {
            message += " Build it with `swift build --product LessonKit\(configuration)` (or `swift build\(configuration)`)."
        } else {
            message += " Reinstall lessons (see the README, \"Your own course\")."
        }
        throw .lessonKitNotFound(message)
    }

    /// What is wrong with compiling lessons with `toolchain` against this LessonKit, if anything: a Swift module
    /// can be imported only by the compiler that built it.
    public func toolchainProblem(_ toolchain: Toolchain) -> String? {
        guard let builtWith, builtWith != toolchain.version else { return nil }
        return """
            LessonKit in \(libraryDirectory) was built with \(builtWith), but lessons would compile cells with \
            \(toolchain.compiler), which is \(toolchain.version): cells cannot import a module built by another \
            compiler. Put the Swift that built LessonKit first in PATH (or set LESSONS_SWIFTC to its swiftc), or \
            reinstall lessons with this Swift.
            """
    }

    /// The library and module in `directory`, if both are there.
    private static func find(in directory: URL) -> (library: URL, module: URL)? {
        let library = ["libLessonKit.so", "libLessonKit.dylib"].map { directory.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        let module = [directory.appendingPathComponent("Modules"), directory].first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("LessonKit.swiftmodule").path)
        }
        guard let library, let module else { return nil }
        return (library, module)
    }

    /// `<folder>/C*/module.modulemap` (or `<folder>/C*/include/module.modulemap`) for each C module folder in
    /// `folder`, sorted.
    private static func moduleMaps(in folder: URL) -> [String] {
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // A system library's map is in its folder (`Sources/COpenBLAS/`); a C target's in its `include/`.
        return children.sorted().filter { $0.hasPrefix("C") }.compactMap { child in
            let module = folder.appendingPathComponent(child)
            return [module, module.appendingPathComponent("include")]
                .map { $0.appendingPathComponent("module.modulemap").path }
                .first { FileManager.default.fileExists(atPath: $0) }
        }
    }

    /// The package root above a SwiftPM build folder such as `<root>/.build/x86_64-unknown-linux-gnu/debug`.
    public static func findPackageRoot(above directory: URL) -> URL? {
        var candidate = directory
        for _ in 0..<4 {
            candidate = candidate.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path),
                FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Sources/LessonKit").path)
            {
                return candidate
            }
        }
        return nil
    }
}
