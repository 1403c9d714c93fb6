import Foundation
import TestSupport

/// Runs the built `lessons` executable in a project folder, like a person at a terminal would.
struct LessonsCommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// Whether the command died of a signal (a trap is SIGILL or SIGTRAP) instead of exiting.
        var signalled = false
    }

    let project: TemporaryProject

    /// Runs `lessons` with `arguments`; `environment` is added to this process's; after `timeout` seconds the
    /// command is killed (its status is then that of SIGKILL, 9).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double? = nil) throws -> Result {
        try run(arguments, replacingEnvironment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new },
            timeout: timeout)
    }

    /// Runs `lessons` with `arguments` and exactly `replacingEnvironment` (to leave a variable unset).
    @discardableResult
    func run(_ arguments: [String], replacingEnvironment: [String: String], timeout: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.environment = replacingEnvironment
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let drained = PipeDrain.readAll([output, error])
        let (outputData, errorData) = (drained[0], drained[1])
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self),
            signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs the command with a pseudo-terminal as its standard streams (through `script`), as a person at a
    /// terminal would, and returns what the terminal showed.
    func runOnTerminal(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([BuildProducts.lessonsExecutable.path] + arguments).joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = project.root
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let terminal = String(decoding: PipeDrain.readAll([output])[0], as: UTF8.self)
        process.waitUntilExit()
        return terminal
    }

    /// Starts the command and returns without waiting.
    /// Starts the command in the background; its standard error goes to `standardErrorFile` when given.
    func start(_ arguments: [String], standardErrorFile: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        if let standardErrorFile {
            FileManager.default.createFile(atPath: standardErrorFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: standardErrorFile)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }
}
