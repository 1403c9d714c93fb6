import Foundation
import Testing
import TestSupport

/// A runner leaves nothing behind: its temporary folders are private and removed on every exit path (SIGINT and
/// SIGTERM included), a runner that dies takes its lesson program with it, and the next run sweeps what a killed
/// runner left (its folders and a partial lesson file).
@Suite(.serialized) struct LeakTests {
    /// A cell that writes its process id to `pid.txt` in the project root, then sleeps.
    let sleeper = """
        ---
        title: Sleeper
        timeout: 120
        ---

        ```{swift}
        import Foundation
        try! String(getpid()).write(toFile: "pid.txt.part", atomically: false, encoding: .utf8)
        rename("pid.txt.part", "pid.txt")
        sleep(100)
        ```

        """

    /// Waits (up to `seconds`) until `condition` holds.
    func wait(_ seconds: Double, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Whether process `pid` is still running (a zombie has ended).
    func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state != "Z" && state != "X"
    }

    /// The runner's temporary folders: `lessons-PID-…` in the temporary directory.
    func folders(of runner: pid_t) -> [String] {
        let temporary = FileManager.default.temporaryDirectory.path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        return names.filter { $0.hasPrefix("lessons-\(runner)-") }.map { temporary + "/" + $0 }
    }

    /// Starts `lessons run` on the sleeper and waits until its cell runs; returns the runner and the program's pid.
    func startSleeper(in project: TemporaryProject) throws -> (Process, pid_t) {
        try project.write("01-sleep.md", sleeper)
        let runner = try LessonsCommandRunner(project: project).start(["run", "01-sleep.md"])
        let pidFile = project.root.appendingPathComponent("pid.txt").path
        #expect(wait(120) { FileManager.default.fileExists(atPath: pidFile) }, "the cell never started")
        let program = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8)))
        return (runner, program)
    }

    @Test func aKilledRunnerTakesItsProgramAndTheNextRunSweepsItsLeftovers() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let (runner, program) = try startSleeper(in: project)
        let runnerPID = runner.processIdentifier
        #expect(!folders(of: runnerPID).isEmpty, "the runner's folder is named with its pid")
        kill(runnerPID, SIGKILL)
        runner.waitUntilExit()
        #expect(wait(5) { !isRunning(program) }, "the lesson program outlived its runner")
        defer { kill(program, SIGKILL) }

        // A partial lesson file the killed runner was writing.
        let partial = project.root.appendingPathComponent("Lessons/.01-sleep.md.lessons-\(runnerPID)-0a1b2c3d")
        try Data("partial".utf8).write(to: partial)
        try project.write("02-quick.md", "---\ntitle: Quick\n---\n\n```{swift}\nprint(1)\n```\n")
        let next = try LessonsCommandRunner(project: project).run(["run", "02-quick.md"])
        #expect(next.status == 0, "\(next.standardError)")
        #expect(folders(of: runnerPID).isEmpty, "the next run removes a dead runner's folders")
        #expect(!FileManager.default.fileExists(atPath: partial.path), "the next run removes a dead runner's partial file")
    }

    /// Starts `lessons run 01-sleep.md` in `project` with every signal's default action (a test runner may have
    /// started this process with SIGINT ignored, and ignored signals are inherited).
    func spawnWithDefaultSignals(in project: TemporaryProject) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let command = "cd \"$1\" && exec \"$2\" run 01-sleep.md"
        let arguments = ["/bin/sh", "-c", command, "sh", project.root.path, BuildProducts.lessonsExecutable.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        #expect(posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ) == 0)
        return pid
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalledRunnerCleansUpAndDiesOfTheSignal(_ signal: Int32) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-sleep.md", sleeper)
        let runner = try spawnWithDefaultSignals(in: project)
        let pidFile = project.root.appendingPathComponent("pid.txt").path
        #expect(wait(120) { FileManager.default.fileExists(atPath: pidFile) }, "the cell never started")
        let program = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8)))
        defer { kill(program, SIGKILL) }
        let made = folders(of: runner)
        #expect(!made.isEmpty, "the runner's folder is named with its pid")
        for folder in made {
            let mode = (try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o700, "\(folder) has mode \(String(mode, radix: 8))")
        }
        kill(runner, signal)
        var status: Int32 = 0
        while waitpid(runner, &status, 0) < 0 && errno == EINTR {}
        #expect(status & 0x7F == signal, "the runner dies of the signal (wait status \(status))")
        #expect(wait(5) { !isRunning(program) }, "the lesson program outlived its runner")
        for folder in made { #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) was left behind") }
    }
}
