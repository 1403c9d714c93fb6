import Foundation
@testable import LessonExecution
import PropertyBased
import Testing

/// ``CommandRunner`` (the toolchain's version, Slurm's commands) returns everything a command printed on both
/// streams, its exit status or signal, and never hands it this process's standard input.
@Suite struct CommandRunnerTests {
    /// Any bytes written to either stream, in any sizes up to several pipe buffers, come back whole and in order,
    /// with the exit status.
    @Test func everythingPrintedComesBackWithTheStatus() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("command-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pieces = Gen.uint8().array(of: 0...40).array(of: 0...6)
        await propertyCheck(count: 60, input: pieces, Gen.int(in: 0...255)) { pieces, status in
            // Each piece is a file of its bytes repeated 1, 8, 64 or 512 times (by its first byte), copied to
            // standard output (an even count of bytes) or standard error (odd).
            var script = ""
            var expected = Data()
            for (index, bytes) in pieces.enumerated() {
                let scale = Int(bytes.first ?? 0) % 4
                let toError = bytes.count % 2 == 1
                var content = Data()
                for _ in 0..<(1 << (3 * scale)) { content.append(contentsOf: bytes) }
                let file = folder.appendingPathComponent("piece-\(index)")
                try? content.write(to: file)
                script += "cat '\(file.path)'\(toError ? " >&2" : "")\n"
                expected.append(content)
            }
            script += "exit \(status)\n"
            let outcome = try? CommandRunner.run("/bin/sh", arguments: ["-c", script])
            #expect(outcome?.status == Int32(status))
            #expect(outcome?.output == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test func aSignalIsReportedAsOneHundredTwentyEightPlusItsNumber() throws {
        let outcome = try CommandRunner.run("/bin/sh", arguments: ["-c", "echo before; kill -TERM $$; echo after"])
        #expect(outcome.status == 128 + SIGTERM)
        #expect(outcome.output == "before\n")
    }

    @Test func theCommandGetsExactlyTheEnvironmentGiven() throws {
        let outcome = try CommandRunner.run("/usr/bin/env", arguments: [], environment: ["ONLY_THIS": "a b=c"])
        #expect(outcome.output == "ONLY_THIS=a b=c\n")
        #expect(outcome.status == 0)
    }

    /// Standard input is /dev/null: a command that reads it ends at once instead of waiting on the terminal.
    @Test func standardInputIsEmpty() throws {
        let outcome = try CommandRunner.run("/bin/cat", arguments: [])
        #expect(outcome.output == "")
        #expect(outcome.status == 0)
    }

    /// `env` says 127 for a command that is not installed; that is how Slurm's missing client is told.
    @Test func aMissingCommandThroughEnvIs127AndAMissingExecutableThrows() throws {
        let outcome = try CommandRunner.run("/usr/bin/env", arguments: ["no-such-command-\(UUID().uuidString)"])
        #expect(outcome.status == 127)
        #expect(throws: ExecutionError.self) {
            try CommandRunner.run("/no/such/executable-\(UUID().uuidString)", arguments: [])
        }
    }

    /// A command that leaves a child running with the output pipe open is reaped when the pipe closes: the runner
    /// waits for the pipe's end, as Foundation's `Process` with a pipe did.
    @Test func theOutputOfAGrandchildIsIncluded() throws {
        let outcome = try CommandRunner.run("/bin/sh", arguments: ["-c", "(sleep 0.2; echo late) & echo early"])
        #expect(outcome.output == "early\nlate\n")
    }
}
