import Foundation
import Testing
import TestSupport

/// Asking the compiler its version (when it is not cached yet) leaves nothing in TMPDIR: the Swift driver makes a
/// `TemporaryDirectory.XXXXXX` there even for `--version` and keeps it, so it gets a private folder of its own.
/// (CI's `PrivateTemporaryFolderTests` once found the driver's folder in a grader's TMPDIR.)
@Suite struct ToolchainVersionLeakTests {
    @Test func aRunWithNoCachedToolchainVersionLeavesNothingInTMPDIR() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-one.md", "---\ntitle: One\n---\n\n```{swift}\nprint(1)\n```\n")
        let temporary = project.root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        // A cache folder of its own: nothing is cached there, so the compiler is asked.
        let caches = project.root.appendingPathComponent("caches")
        let run = try LessonsCommandRunner(project: project).run(
            ["run", "01-one.md"], environment: ["TMPDIR": temporary.path, "LESSONS_CACHE_DIR": caches.path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(FileManager.default.fileExists(atPath: caches.appendingPathComponent("toolchain-version.txt").path),
            "the version was asked and cached")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        #expect(left.isEmpty, "left in TMPDIR: \(left)")
    }
}
