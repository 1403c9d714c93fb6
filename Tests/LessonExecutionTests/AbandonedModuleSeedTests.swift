import Foundation
@testable import LessonExecution
import Testing

/// A grader killed without cleaning up leaves its module seed (18 MB) in /tmp; the next grader removes such seeds
/// of dead processes, and nothing else: a running grader's seed, another user's folder, a symbolic link named like a
/// seed (and what it points to), files that only look alike.
@Suite struct AbandonedModuleSeedTests {
    /// The pid of a process that has exited (and been reaped).
    func deadPid() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func onlySeedsOfDeadGradersOfThisUserAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seeds-\(UUID().uuidString)").path
        let target = folder + "-target"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: target)
        }
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target + "/precious.txt"))
        let dead = try deadPid()
        func make(_ name: String) throws {
            try FileManager.default.createDirectory(atPath: folder + "/" + name + "/modules", withIntermediateDirectories: true)
            try Data("pcm".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + "/modules/x.pcm"))
        }
        try make("lessons-\(dead)-modules-abc123")                 // abandoned: removed
        try make("lessons-\(getpid())-modules-def456")             // this process's own: kept
        try make("lessons-1-modules-ghi789")                       // init, always running: kept
        try make("lessons-\(dead)-modulesX-abc123")                // not a seed's name: kept
        try FileManager.default.createSymbolicLink(atPath: folder + "/lessons-\(dead)-modules-link00", withDestinationPath: target)
        var othersOwned = false
        if geteuid() == 0 {                                         // another user's seed: kept
            try make("lessons-\(dead)-modules-other0")
            othersOwned = chown(folder + "/lessons-\(dead)-modules-other0", 65534, 65534) == 0
        }

        ModuleCacheSeed.removeAbandoned(in: folder)

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(!left.contains("lessons-\(dead)-modules-abc123"), "the dead grader's seed is removed")
        #expect(left.contains("lessons-\(getpid())-modules-def456"))
        #expect(left.contains("lessons-1-modules-ghi789"))
        #expect(left.contains("lessons-\(dead)-modulesX-abc123"))
        #expect(left.contains("lessons-\(dead)-modules-link00"), "a symbolic link is left alone")
        #expect(FileManager.default.fileExists(atPath: target + "/precious.txt"), "and so is what it points to")
        if othersOwned { #expect(left.contains("lessons-\(dead)-modules-other0"), "another user's folder is left alone") }
    }
}
