import Foundation
import TestSupport

extension LessonsCommandRunner {
    /// Runs the command like ``run(_:)``, but kills it after `timeout` seconds; nil when it had to be killed
    /// (a command that hangs fails its test instead of hanging the suite).
    func run(_ arguments: [String], timeout: TimeInterval) throws -> Result? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files, not pipes: nobody reads while we wait, and a full pipe would block the command.
        let outputFile = folder.appendingPathComponent("stdout"), errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = BuildProducts.lessonsExecutable
        process.arguments = arguments
        process.currentDirectoryURL = project.root
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }
}
