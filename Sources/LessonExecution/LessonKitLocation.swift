public import Foundation

/// Where the built `LessonKit` library and module are: next to the `lessons` executable, as SwiftPM lays
/// them out (`libLessonKit.so`, `Modules/LessonKit.swiftmodule`), in a debug and a release build alike.
public struct LessonKitLocation: Sendable {
    /// Folder of `libLessonKit.so` (or `.dylib`).
    public let libraryDirectory: String
    /// Folder containing `LessonKit.swiftmodule`.
    public let moduleDirectory: String
    /// Module maps of C modules that LessonKit's interface refers to (passed to the compiler).
    public let moduleMaps: [String]

    /// Looks next to `executable` (default: this process's executable).
    public static func locate(executable: URL? = nil) throws(ExecutionError) -> LessonKitLocation {
        let executableURL = (executable ?? Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        let directory = executableURL.deletingLastPathComponent()
        let libraryNames = ["libLessonKit.so", "libLessonKit.dylib"]
        let moduleDirectories = [directory.appendingPathComponent("Modules"), directory]
        let library = libraryNames.map { directory.appendingPathComponent($0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        let module = moduleDirectories.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("LessonKit.swiftmodule").path)
        }
        let packageRoot = Self.findPackageRoot(above: directory)
        guard library != nil, let module else {
            let configuration = directory.lastPathComponent == "release" ? " -c release" : ""
            var message = "LessonKit is not built next to the runner (\(directory.path)): expected "
                + "libLessonKit.so and Modules/LessonKit.swiftmodule there."
            if packageRoot != nil {
                message += " Build it with `swift build --product LessonKit\(configuration)` (or `swift build\(configuration)`)."
            }
            throw .lessonKitNotFound(message)
        }
        var moduleMaps: [String] = []
        if let packageRoot {
            let sources = packageRoot.appendingPathComponent("Sources")
            let children = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
            for child in children.sorted() where child.hasPrefix("C") {
                let map = sources.appendingPathComponent(child).appendingPathComponent("module.modulemap")
                if FileManager.default.fileExists(atPath: map.path) { moduleMaps.append(map.path) }
            }
        }
        return LessonKitLocation(
            libraryDirectory: directory.path, moduleDirectory: module.path, moduleMaps: moduleMaps)
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
