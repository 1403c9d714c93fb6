import Foundation
import TestSupport

/// Runs the built `lessons` executable in a project folder, like a person at a terminal would.
struct LessonsCommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    let project: TemporaryProject

    @discardableResult
    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts the command and returns without waiting.
    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
