import Foundation
@testable import LessonExecution
import Testing

/// Programs written and started by several threads at once all start. A child started by one thread used to get a
/// copy of the descriptor another thread was writing a program through, and starting that program failed with
/// "Text file busy" (ETXTBSY): seen as `cannot start /tmp/lessons-…/lesson: Text file busy` when `lessons run` ran
/// two lessons at once on a busy machine, one restoring its program from the cache while the other started.
@Suite struct ProgramWriteRaceTests {
    @Test func programsWrittenAndStartedConcurrentlyAllStart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A real program made long to write (trailing bytes do not change what an ELF file runs), so that writes
        // take long enough for spawns to land inside them.
        var longProgram = try #require(FileManager.default.contents(atPath: "/bin/true"))
        longProgram.append(Data(count: 2 << 20))
        let program = longProgram
        let threads = 8
        let rounds = 100
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let path = folder.appendingPathComponent("program-\(thread)").path
            for round in 0..<rounds {
                do {
                    try ProgramFile.write(program, to: path)
                    let child = try ChildProcess.spawn(
                        executable: path, arguments: [], environment: [:],
                        standardOutput: "/dev/null", standardError: "/dev/null")
                    let ended = child.wait()
                    if ended != .exited(0) { failures.add("thread \(thread), round \(round): \(ended)") }
                } catch {
                    failures.add("thread \(thread), round \(round): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) of \(threads * rounds) failed: \(failures.all.prefix(3))")
    }

    @Test func aProgramReplacesWhatWasThereAndIsExecutableByItsOwnerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lesson").path
        try Data(repeating: 7, count: 100_000).write(to: URL(fileURLWithPath: path))
        let bytes = Data("#!/bin/sh\nexit 3\n".utf8)
        try ProgramFile.write(bytes, to: path)
        #expect(FileManager.default.contents(atPath: path) == bytes)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o700)
        let child = try ChildProcess.spawn(
            executable: path, arguments: [], environment: [:], standardOutput: "/dev/null", standardError: "/dev/null")
        #expect(child.wait() == .exited(3))
        // A folder that cannot take it: an error naming the path, not a crash.
        #expect(throws: ExecutionError.self) { try ProgramFile.write(bytes, to: folder.path + "/missing/lesson") }
    }
}

/// Failure messages gathered from many threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}
