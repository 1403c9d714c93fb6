import Foundation
@testable import LessonExecution
import Testing

/// The sandbox's unprivileged user must reach the sandbox image: a folder above it that others cannot search is
/// found (and named in the grader's error) instead of failing later as bwrap's "Can't find source path".
@Suite struct SandboxReachTests {
    @Test func aClosedFolderAboveTheImageIsNamed() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reach-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let closed = base.appendingPathComponent("closed")
        let inner = closed.appendingPathComponent("open/image")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        chmod(base.path, 0o755)
        chmod(closed.appendingPathComponent("open").path, 0o755)
        chmod(closed.path, 0o700)
        #expect(SandboxImage.firstClosedAncestor(of: inner.path) == closed.path)
        chmod(closed.path, 0o711)
        #expect(SandboxImage.firstClosedAncestor(of: inner.path) == nil || SandboxImage.firstClosedAncestor(of: inner.path)?.hasPrefix(closed.path) == false)
    }

    @Test func theImageGoesToTheFirstFolderOthersCanReach() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reach-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let closed = base.appendingPathComponent("closed")
        let privateTemporary = closed.appendingPathComponent("tmp")
        let shared = base.appendingPathComponent("shared")
        for folder in [privateTemporary, shared] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        chmod(base.path, 0o755)
        chmod(privateTemporary.path, 0o755)
        chmod(shared.path, 0o1777)
        chmod(closed.path, 0o700)
        #expect(SandboxImage.reachableFolder(among: [privateTemporary.path, shared.path]) == shared.path)
        #expect(SandboxImage.reachableFolder(among: [privateTemporary.path]) == nil)
        chmod(closed.path, 0o711)
        #expect(SandboxImage.reachableFolder(among: [privateTemporary.path, shared.path]) == privateTemporary.path)
    }
}
