import Foundation
import Testing
import TestSupport

/// A grader ended by a signal records no grade for the submission it was grading: its programs die of the same
/// signal (a scheduler's `scancel` or `scontrol requeue` signals every process of the job; the grader's own cleanup
/// kills them), and a program killed that way says nothing about the student's code. Before the fix a requeued
/// Slurm task recorded such a killed run as 0 points, and the re-run task kept it ("already graded").
@Suite(.serialized) struct GradeInterruptionTests {
    /// How the signal arrives: at the grader alone (its cleanup kills the programs), or at every process of the
    /// grader's tree, the programs first, the grader `delay` seconds later (a scheduler walking the job's processes).
    enum Delivery: CustomStringConvertible, Sendable {
        case graderOnly
        case programsFirst(delay: Double)

        var description: String {
            switch self {
            case .graderOnly: "to the grader alone"
            case .programsFirst(let delay): "to every process, the grader \(delay) s after its programs"
            }
        }
    }

    @Test(arguments: [Delivery.graderOnly, .programsFirst(delay: 0.05), .programsFirst(delay: 0.3)])
    func aSignalledGraderRecordsNothingForTheSubmissionUnderWay(delivery: Delivery) throws {
        try interrupt(delivery: delivery, ignoringSIGTERM: false)
    }

    /// A grader started with SIGTERM ignored (by a scheduler or a harness) goes on grading when the signal reaches
    /// every process of its job, and its programs go on too: none dies of it and is graded as the student's failure
    /// (before the fix the programs got SIGTERM back at its default, and ada's killed run earned 3 of 5 points).
    @Test func aGraderThatIgnoresSIGTERMGradesOnWhenEveryProcessGetsIt() throws {
        try interrupt(delivery: .programsFirst(delay: 0.05), ignoringSIGTERM: true)
    }

    private func interrupt(delivery: Delivery, ignoringSIGTERM: Bool) throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        // An honest submission whose variance cell sleeps: the grader is busy with ada when the signal comes.
        try grading.submit("ada", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance) {
            $0.replacingFirst("func variance(", with: "import Foundation\nlet slept = sleep(8)\nfunc variance(")
        }
        // Started with SIGTERM at its default, or ignored (ignored signals are inherited; the test runner's may be).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let command = (ignoringSIGTERM ? "trap '' TERM; " : "") + "cd \"$1\" && exec \"$2\" grade --lesson means.md submissions >/dev/null 2>grade.err"
        let arguments = ["/bin/sh", "-c", command, "sh", grading.project.root.path, BuildProducts.lessonsExecutable.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var grader: pid_t = 0
        try #require(posix_spawn(&grader, "/bin/sh", nil, &attributes, argv, environ) == 0)
        var status: Int32 = 0
        var ended = false
        func running() -> Bool {
            if !ended, waitpid(grader, &status, WNOHANG) == grader { ended = true }
            return !ended
        }
        defer { if running() { kill(grader, SIGKILL); waitpid(grader, &status, 0) } }

        // Ada's program is asleep once a program (not a compiler or a launcher) has lived for two seconds.
        let deadline = Date().addingTimeInterval(300)
        var sleeper: Int32?
        var seen: [Int32: Date] = [:]
        while sleeper == nil, running(), Date() < deadline {
            let now = Date()
            for pid in ProcessTree.descendants(of: grader)
            where !["swift-frontend", "swiftc", "swift-driver", "clang", "ld", "ld.gold", "bwrap", "sh"]
                .contains(ProcessTree.name(of: pid))
            {
                let first = seen[pid] ?? now
                seen[pid] = first
                if now.timeIntervalSince(first) >= 2 { sleeper = pid }
            }
            usleep(100_000)
        }
        #expect(sleeper != nil, "ada's program never ran asleep")
        switch delivery {
        case .graderOnly:
            kill(grader, SIGTERM)
        case .programsFirst(let delay):
            for pid in ProcessTree.descendants(of: grader).reversed() { kill(pid, SIGTERM) }
            usleep(UInt32(delay * 1_000_000))
            kill(grader, SIGTERM)
        }
        while running() { usleep(20_000) }
        let said = (try? String(contentsOf: grading.project.root.appendingPathComponent("grade.err"), encoding: .utf8)) ?? ""
        if ignoringSIGTERM {
            #expect(status == 0, "the grader goes on and ends well (wait status \(status)): \(said)")
            #expect(try grading.totals()["ada"] == "5", "ada's run went on to the end: \(said)")
            return
        }
        #expect(status & 0x7F == SIGTERM, "the grader dies of the signal (wait status \(status)): \(said)")
        let recorded = try grading.points()
        #expect(recorded["ada"] == nil, "ada's killed run was recorded as \(recorded["ada"] ?? [:]): \(said)")

        // Graded again to the end, ada earns every point.
        let again = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"], timeout: 600)
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try grading.totals()["ada"] == "5", "\(again.standardError)")
    }
}

/// The processes below one process, read from `/proc`.
enum ProcessTree {
    /// Every descendant of `root`, parents before their children.
    static func descendants(of root: Int32) -> [Int32] {
        var parents: [Int32: [Int32]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let parent = parent(of: pid) else { continue }
            parents[parent, default: []].append(pid)
        }
        var found: [Int32] = []
        var queue = parents[root] ?? []
        while !queue.isEmpty {
            let pid = queue.removeFirst()
            found.append(pid)
            queue += parents[pid] ?? []
        }
        return found
    }

    /// The command name of `pid` (`/proc/PID/comm`), empty when it is gone.
    static func name(of pid: Int32) -> String {
        ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func parent(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? Int32(fields[1]) : nil
    }
}
