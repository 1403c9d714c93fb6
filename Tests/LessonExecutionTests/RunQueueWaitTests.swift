import Foundation
@testable import LessonExecution
import Testing

/// Wall-clock backstops count only time a program could have run (issue 21: on a machine busier than its cores, a
/// computing program waits for a CPU, and the backstop of four times its CPU budget killed honest cells). The wait
/// is the kernel's: a program that computes beside hogs on its one CPU waits; one that sleeps does not.
@Suite(.enabled(if: FileManager.default.isWritableFile(atPath: ResourceGroup.cpuAccountingRoot), "needs CPU accounting (root)"))
struct RunQueueWaitTests {
    /// Runs `command` on CPU 0 in a group of its own for `seconds`, beside `hogs` busy processes on CPU 0 too;
    /// returns the group's run-queue wait.
    func wait(of command: String, hogs: Int, seconds: Double) throws -> Double {
        let group = try #require(ResourceGroup.create(name: "wait-" + UUID().uuidString.prefix(8).lowercased(), processes: 64))
        defer { group.destroy() }
        var started: [Process] = []
        defer { for process in started where process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        for _ in 0..<hogs {
            let hog = Process()
            hog.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            hog.arguments = ["-c", "0", "/bin/sh", "-c", "while :; do :; done"]
            try hog.run()
            started.append(hog)
        }
        let program = Process()
        // Joins the group first, then runs `command` pinned to CPU 0.
        program.executableURL = URL(fileURLWithPath: group.launchPrefix[0])
        program.arguments = Array(group.launchPrefix.dropFirst()) + ["/usr/bin/taskset", "-c", "0", "/bin/sh", "-c", command]
        try program.run()
        started.append(program)
        let waits = RunQueueWait(group: group)
        let deadline = Date().addingTimeInterval(seconds)
        var last = 0.0
        while Date() < deadline {
            let now = waits.seconds()
            #expect(now >= last, "the wait never decreases")
            last = now
            Thread.sleep(forTimeInterval: 0.1)
        }
        return waits.seconds()
    }

    @Test func aComputingProgramBesideHogsWaitsAndASleepingOneDoesNot() throws {
        // Four processes share CPU 0: the program gets about a quarter of it and waits about three quarters.
        let computing = try wait(of: "while :; do :; done", hogs: 3, seconds: 3)
        #expect(computing > 1.0, "a computing program beside 3 hogs on its CPU waited \(computing) s of 3")
        let sleeping = try wait(of: "sleep 10", hogs: 3, seconds: 3)
        #expect(sleeping < 0.3, "a sleeping program waited \(sleeping) s")
    }
}
