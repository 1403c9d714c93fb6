import Foundation
import Testing
import TestSupport

/// `lessons grade` leaves nothing behind either: its private workspace (checker and programs, 0700) and its
/// sandbox image are removed when a signal ends it, and it dies of the signal.
@Suite(.serialized) struct GradeLeakTests {
    @Test func anInterruptedGraderRemovesItsFolders() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let temporary = grading.project.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        chmod(temporary.path, 0o755)
        // Top-level code that sleeps: the grader is busy with mallory when the signal comes.
        try grading.submit("mallory", mean: """
                return 0
            }
            let slept = sleep(60)
            func unusedSleep() -> Double {
                return 0
            """, variance: FixtureClass.correctVariance) { $0.replacingFirst("func mean(", with: "import Foundation\nfunc mean(") }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let command = "cd \"$1\" && TMPDIR=\"$2\" exec \"$3\" grade --lesson means.md submissions >/dev/null 2>grade.err"
        let arguments = ["/bin/sh", "-c", command, "sh", grading.project.root.path, temporary.path,
            BuildProducts.lessonsExecutable.path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var grader: pid_t = 0
        #expect(posix_spawn(&grader, "/bin/sh", nil, &attributes, argv, environ) == 0)
        func folders() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).filter { $0.hasPrefix("lessons-") }
        }
        // The workspace and the image exist; a few seconds later mallory's program is asleep in the sandbox.
        let deadline = Date().addingTimeInterval(120)
        while folders().count < 2 && Date() < deadline { usleep(50_000) }
        let made = folders()
        #expect(made.count >= 2, "the grader made its workspace and its image: \(made)")
        sleep(4)
        kill(grader, SIGINT)
        var status: Int32 = 0
        while waitpid(grader, &status, 0) < 0 && errno == EINTR {}
        let said = (try? String(contentsOf: grading.project.root.appendingPathComponent("grade.err"), encoding: .utf8)) ?? ""
        #expect(status & 0x7F == SIGINT, "the grader dies of the signal (wait status \(status)): \(said)")
        #expect(folders().isEmpty, "left behind: \(folders())")
    }
}
