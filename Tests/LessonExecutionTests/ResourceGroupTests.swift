import Foundation
import Testing

/// The process-count cgroups a run makes (as root, where `/sys/fs/cgroup/pids` is writable) do not pile up.
@Suite struct ResourceGroupTests {
    static let root = "/sys/fs/cgroup/pids"

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: root), "needs a writable pids cgroup (root)"))
    func groupsOfKilledRunnersAreDestroyedByTheNextRun() throws {
        // A runner killed with SIGKILL leaves its group behind, with whatever its lesson had started still in it.
        // pid_max is at most 2^22, so this runner never lived.
        let abandoned = "\(Self.root)/lessons-4194305-killed-0000ABCD"
        let mine = "\(Self.root)/lessons-\(getpid())-still-running-0000ABCD"
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: mine, withIntermediateDirectories: false)
        defer { rmdir(mine) }
        let orphan = Process()
        orphan.executableURL = URL(fileURLWithPath: "/bin/sleep")
        orphan.arguments = ["60"]
        try orphan.run()
        defer { if orphan.isRunning { orphan.terminate() } }
        try "\(orphan.processIdentifier)\n".write(toFile: abandoned + "/cgroup.procs", atomically: false, encoding: .utf8)

        let outputs = try ExecutionHarness().run("```{swift}\nprint(1)\n```\n").1
        #expect(outputs.first?.standardOutput == "1\n")
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        orphan.waitUntilExit()
        #expect(orphan.terminationReason == .uncaughtSignal && orphan.terminationStatus == SIGKILL)
        #expect(FileManager.default.fileExists(atPath: mine), "a live runner's group is left alone")
    }
}
