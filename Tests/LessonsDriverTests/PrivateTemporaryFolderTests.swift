import Foundation
import Testing
import TestSupport

/// Per-user temporary folders are often private (`/run/user/ID`, a 0700 home): with `TMPDIR` under one, grading
/// still starts, and the sandbox's unprivileged user still reaches the sandbox image (it goes elsewhere).
@Suite(.serialized) struct PrivateTemporaryFolderTests {
    @Test func gradingStartsWithTMPDIRUnderAPrivateFolder() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let closed = grading.project.root.appendingPathComponent("private")
        let temporary = closed.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        chmod(closed.path, 0o700)
        chmod(temporary.path, 0o755)
        try grading.submit("ada", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        let grade = try grading.lessons.run(
            ["grade", "--lesson", "means.md", "submissions"], environment: ["TMPDIR": temporary.path], timeout: 600)
        #expect(grade.status == 0, "\(grade.standardError)")
        #expect(try grading.totals()["ada"] == "5", "\(grade.standardError)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        #expect(left.isEmpty, "grading leaves nothing in TMPDIR: \(left)")
    }
}
