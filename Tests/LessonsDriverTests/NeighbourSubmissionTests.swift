import Foundation
import Testing
import TestSupport

/// One submission's use of resources never costs another submission its points: limits are per submission, not
/// per host user. (A fork bomb once used up `RLIMIT_NPROC` for the one user every sandbox ran as, so sandboxes
/// started meanwhile, by the same grader or another one, failed with "bwrap: Creating new namespace failed".)
@Suite(.serialized) struct NeighbourSubmissionTests {
    /// The adversary (first in name order, so graded first) forks until the kernel refuses and holds her processes for a few seconds.
    static let forkBomb = """
        var children: [pid_t] = []
        while children.count < 10_000 {
            let child = fork()
            if child == 0 { pause(); _exit(0) }
            if child < 0 { break }
            children.append(child)
        }
        sleep(6)
        for child in children { kill(child, SIGKILL) }
        return 0
        """

    static func submitForkBomb(_ grading: GradingClass) throws {
        try grading.submit("adversary", mean: forkBomb, variance: FixtureClass.correctVariance) {
            $0.replacingFirst("func mean(", with: "import Foundation\nfunc mean(")
        }
    }

    @Test func aForkBombBesideHonestSubmissionsInTheSameGraderCostsThemNothing() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try Self.submitForkBomb(grading)
        let honest = ["alice", "bob", "carol", "dave"]
        for student in honest {
            try grading.submit(student, mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        }
        let result = try grading.lessons.run(
            ["grade", "--lesson", "means.md", "--jobs", "2", "submissions"], timeout: 300)
        #expect(result.status == 0, "\(result.standardError)")
        let totals = try grading.totals()
        for student in honest {
            #expect(totals[student] == "5", "\(student) ran while the adversary's processes were held: \(result.standardError)")
        }
        #expect(totals["adversary"] == "2")
    }

    @Test func aForkBombInOneGraderCostsAnotherGraderNothing() throws {
        let attacked = try GradingClass()
        defer { attacked.project.remove() }
        try Self.submitForkBomb(attacked)
        let attack = DispatchGroup()
        attack.enter()
        nonisolated(unsafe) let attacker = attacked.lessons
        DispatchQueue.global().async {
            _ = try? attacker.run(["grade", "--lesson", "means.md", "submissions"], timeout: 300)
            attack.leave()
        }
        defer { attack.wait() }
        let bystander = try GradingClass()
        defer { bystander.project.remove() }
        // Several validations in a row, so that some start while mallory's processes are held.
        for _ in 0..<4 {
            let valid = try bystander.lessons.run(["grade", "--lesson", "means.md", "--validate"], timeout: 300)
            #expect(valid.status == 0, "\(valid.standardError)")
        }
    }
}
