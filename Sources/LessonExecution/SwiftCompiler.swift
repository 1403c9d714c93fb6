import Foundation

/// Compiles a lesson program with `swiftc` against LessonKit.
struct SwiftCompiler {
    let toolchain: Toolchain
    let lessonKit: LessonKitLocation
    /// Optimise (`-O -assert-config Debug`: `precondition` and `assert` keep their messages). Off by default: the
    /// course took more CPU time (compile included) than with `-Onone`, since its numeric work is in LessonKit,
    /// which is always optimised.
    var optimize = false

    /// The module name: the lesson's folder (usually `Lessons`), so that `#fileID` in traps and checks reads
    /// `Lessons/04-elbo.md`, the same as the lesson's display path.
    var moduleName = "Lessons"

    /// Where the compiler runs when it compiles a submission (nil: as the grader, for the instructor's lessons).
    var sandbox: CompileSandbox?

    /// Where Clang keeps the modules it builds (nil: the sandbox's copy of the grader's seed, or the user's default
    /// cache).
    var moduleCachePath: String?

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
        // LLVM's linker links a lesson program in two thirds of the time of the default (gold): 0.03 s of every
        // compile. Only when the toolchain has it (Swift's Linux toolchains do, next to `swiftc`).
        if toolchain.hasLLD { arguments.append("-use-ld=lld") }
        // Optimised, a failed `precondition` would lose its message ("Swift runtime failure: precondition
        // failure"): the Debug assertion configuration keeps messages and checks under `-O`.
        if optimize { arguments += ["-assert-config", "Debug"] }
        for map in lessonKit.moduleMaps { arguments += ["-Xcc", "-fmodule-map-file=\(map)"] }
        if let cache = moduleCachePath ?? sandbox?.moduleCachePath { arguments += ["-module-cache-path", cache] }
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
        // Sandboxed, the compiler works in its own folder (which its user can reach whatever TMPDIR is): the
        // source is copied in, and the program copied out.
        let folder = sandbox?.scratch ?? workDirectory
        let compiledSource = sandbox?.scratch.map { $0 + "/main.swift" } ?? source
        let compiledExecutable = sandbox?.scratch.map { $0 + "/lesson" } ?? executable
        if compiledSource != source {
            try? FileManager.default.removeItem(atPath: compiledSource)
            try? FileManager.default.removeItem(atPath: compiledExecutable)
            do {
                try FileManager.default.copyItem(atPath: source, toPath: compiledSource)
            } catch {
                throw .fileSystem("cannot copy \(source) for the compiler: \(error)")
            }
        }
        let outputPath = workDirectory + "/compiler.out"
        var command = [toolchain.compiler] + arguments(source: compiledSource, executable: compiledExecutable)
        if let sandbox {
            guard !sandbox.isExhausted else { throw .compileBudgetExhausted(sandbox.budgetSeconds) }
            let folders = sandbox.scratch.map { [$0] }
                ?? [workDirectory, (source as NSString).deletingLastPathComponent, (executable as NSString).deletingLastPathComponent]
            sandbox.prepare(sandbox.scratch == nil ? folders : [])
            command = sandbox.command(
                compiler: toolchain.compiler, arguments: Array(command.dropFirst()), directory: folder, writable: folders)
        }
        let started = Date()
        let process = try ChildProcess.spawn(
            executable: command[0], arguments: Array(command.dropFirst()),
            environment: compilerEnvironment(workDirectory: workDirectory),
            standardOutput: outputPath, standardError: outputPath)
        let termination = process.wait()
        sandbox?.account(wallSeconds: Date().timeIntervalSince(started))
        var output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if compiledSource != source { output = output.replacingOccurrences(of: compiledSource, with: source) }
        // Killed for its budget: CPU time used up, the memory limit hit, or the driver saying that its frontend died of
        // SIGKILL (hard CPU limit or memory) or SIGXCPU.
        let killed = output.contains("failed due to signal 9") || output.contains("failed due to signal 24")
        if let sandbox, termination != .exited(0), sandbox.isExhausted || sandbox.hitMemoryLimit || killed {
            throw .compileBudgetExhausted(sandbox.budgetSeconds)
        }
        // The sandbox itself could not be set up: the grader's problem, never the student's (no grade is given).
        if sandbox != nil, output.hasPrefix("bwrap: ") || output.hasPrefix("setpriv: ") || output.hasPrefix("prlimit: ") {
            throw .cannotStart("the compiler's sandbox", output.split(separator: "\n").first.map(String.init) ?? output)
        }
        if compiledExecutable != executable, termination == .exited(0) {
            try ProgramFile.copy(from: compiledExecutable, to: executable)
        }
        var errors = CompilerDiagnostic.errors(in: output)
        if termination != .exited(0) && errors.isEmpty {
            errors = [CompilerDiagnostic(file: "", line: 0, column: 0, text: "the compiler failed: \(output)")]
        }
        return (errors, output)
    }
}
