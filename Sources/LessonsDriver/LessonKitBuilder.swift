import Foundation

/// Builds the `LessonKit` product when the runner was built without it (`swift run lessons` builds only the
/// executable), with the configuration of the runner's own build.
enum LessonKitBuilder {
    static func build(packageRoot: URL, buildDirectory: URL) {
        let configuration = buildDirectory.lastPathComponent == "release" ? "release" : "debug"
        let swift = ProcessInfo.processInfo.environment["PATH"].flatMap { path in
            path.split(separator: ":").map { "\($0)/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        } ?? "/opt/swift/usr/bin/swift"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swift)
        process.arguments = [
            "build", "--package-path", packageRoot.path, "--product", "LessonKit", "-c", configuration,
        ]
        process.standardOutput = FileHandle.standardError
        try? process.run()
        process.waitUntilExit()
    }
}
