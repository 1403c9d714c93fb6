import Foundation

/// Compiles a lesson program with `swiftc` against LessonKit.
struct SwiftCompiler {
    let toolchain: Toolchain
    let lessonKit: LessonKitLocation
    /// Optimise (`-O`). Off by default: under `-O`, `precondition` messages are dropped and merged trap sites make
    /// crash lines unreliable, and the course took more CPU time (compile included) than with `-Onone`; the numeric
    /// work is in LessonKit, which is always optimised.
    var optimize = false

    /// The module name: the lesson's folder (usually `Lessons`), so that `#fileID` in traps and checks reads
    /// `Lessons/04-elbo.md`, the same as the lesson's display path.
    var moduleName = "Lessons"

    /// The module name for a lesson shown as `displayPath`.
    static func moduleName(for displayPath: String) -> String {
        let parts = displayPath.split(separator: "/")
        guard parts.count >= 2, let folder = parts.dropLast().last, let first = folder.first,
            first.isLetter || first == "_",
            folder.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
            folder != "LessonKit", folder != "Swift", folder != "Foundation"
        else { return "Lessons" }
        return String(folder)
    }

    /// The compiler's arguments to build `source` into `executable`.
    func arguments(source: String, executable: String) -> [String] {
        var arguments = [
            source, "-o", executable, "-module-name", moduleName,
            optimize ? "-O" : "-Onone",
            // Line tables are enough for crash locations and cost far less compile time than full `-g`.
            "-gline-tables-only",
            "-swift-version", "5",
            "-suppress-warnings",
            "-diagnostic-style=llvm",
            "-I", lessonKit.moduleDirectory,
            "-L", lessonKit.libraryDirectory,
            "-lLessonKit",
            "-Xlinker", "-rpath", "-Xlinker", lessonKit.libraryDirectory,
        ]
        for map in lessonKit.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=\(map)"] }
        return arguments
    }

    /// The compiler's environment: its temporary files go to the lesson's work folder, removed after the run.
    private func compilerEnvironment(workDirectory: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = workDirectory
        return environment
    }

    /// Compiles; returns the compiler's errors (empty on success) and its full output.
    func compile(source: String, executable: String, workDirectory: String) throws(ExecutionError)
        -> (errors: [CompilerDiagnostic], output: String)
    {
        let outputPath = workDirectory + "/compiler.out"
        let process = try ChildProcess.spawn(
            executable: toolchain.compiler, arguments: arguments(source: source, executable: executable),
            environment: compilerEnvironment(workDirectory: workDirectory),
            standardOutput: outputPath, standardError: outputPath)
        let termination = process.wait()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        var errors = CompilerDiagnostic.errors(in: output)
        if termination != .exited(0) && errors.isEmpty {
            errors = [CompilerDiagnostic(file: "", line: 0, column: 0, text: "the compiler failed: \(output)")]
        }
        return (errors, output)
    }
}
