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

/// A plain `lessons run` (limits in wall time) does not stop a cell because the machine is busy: only the time its
/// main thread could have run counts toward the cell's timeout, up to a backstop of 4 × the timeout + 5 s of wall
/// time (CI ran the course's mutation tests at load 12-18, and a training cell of lesson 02 "timed out after 600 s"
/// having had a fifteenth of a CPU).
@Suite(.serialized) struct BusyMachineCellTimeoutTests {
    /// Three hogs on CPU 0, killed when the returned closure runs.
    func hogsOnCPU0() throws -> () -> Void {
        var hogs: [Process] = []
        for _ in 0..<3 {
            let hog = Process()
            hog.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
            hog.arguments = ["-c", "0", "/bin/sh", "-c", "while :; do :; done"]
            try hog.run()
            hogs.append(hog)
        }
        return { for hog in hogs where hog.isRunning { kill(hog.processIdentifier, SIGKILL) } }
    }

    /// A cell that pins itself to CPU 0 and computes until its thread has used `cpuSeconds` of CPU.
    /// With `children`, it first forks that many busy children on CPU 0 (they inherit its pinning): starved by
    /// its own processes, it runs only a small share of the time.
    func computingCell(timeout: Int, cpuSeconds: Double, children: Int = 0) -> String {
        """

        ```{swift}
        //| timeout: \(timeout)
        import Foundation
        let pin = Process()
        pin.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        pin.arguments = ["-p", "-c", "0", "\\(getpid())"]
        pin.standardOutput = FileHandle.nullDevice
        try pin.run()
        pin.waitUntilExit()
        precondition(pin.terminationStatus == 0, "taskset failed")
        for _ in 0..<\(children) where fork() == 0 {
            while true {}
        }
        func used() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        }
        let start = used()
        var spins = 0
        while used() - start < \(cpuSeconds) { spins &+= 1 }
        print("computed")
        ```

        """
    }

    @Test func aComputingCellBesideHogsIsNotStoppedByItsWallClock() throws {
        let stop = try hogsOnCPU0()
        defer { stop() }
        let (_, outputs) = try ExecutionHarness().run(computingCell(timeout: 3, cpuSeconds: 1.0))
        #expect(outputs[0].outcome == .succeeded, "\(outputs[0].failure?.message ?? "")")
        #expect(outputs[0].standardOutput == "computed\n")
        // Beside three hogs on its CPU, 1 s of CPU took more wall time than the 3 s timeout: without the wait
        // credit the cell would have been stopped.
        #expect(outputs[0].duration > 3.2, "the hogs did not slow the cell (\(outputs[0].duration) s): the test shows nothing")
    }

    @Test func aCellStarvedOfItsCPUStillMeetsTheWallClockBackstop() throws {
        let stop = try hogsOnCPU0()
        defer { stop() }
        // Beside 3 hogs and 29 busy children of its own on CPU 0 the cell runs about a 33rd of the time: its
        // credited time would reach the 1 s timeout after about 33 s; the backstop stops it after 4 × 1 + 5 = 9 s.
        let (_, outputs) = try ExecutionHarness().run(computingCell(timeout: 1, cpuSeconds: 60, children: 29))
        #expect(try #require(outputs[0].failure).message.contains("timed out"))
        #expect(outputs[0].duration < 20, "the backstop did not stop the cell (\(outputs[0].duration) s)")
    }
}
