import Foundation

/// Runs a short helper command to completion and returns what it printed.
enum CommandRunner {
    /// Standard output and error of `executable`, combined; throws if it cannot start.
    /// With `environment`, the command gets exactly those variables.
    static func output(of executable: String, arguments: [String], environment: [String: String]? = nil)
        throws(ExecutionError) -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            // Through the gate, so that the child cannot take a program this process is writing (``SpawnGate``).
            try SpawnGate.shared.spawning { try process.run() }
        } catch {
            throw .cannotStart(executable, "\(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
