import Foundation
import Testing
@testable import LessonExecution

/// The sweep touches only names of the exact shapes runners write, and only for PIDs that no longer run.
struct LeftoverSweepTests {
    @Test func onlyRunnerFolderNamesHaveAnOwner() {
        #expect(LeftoverSweep.folderOwner("lessons-4242-aB3xZ9") == 4242)
        for name in [
            "lessons-test-2F1C9A", "lessons-grade-0F7A2B3C-1111-2222-3333-444455556666", "lessons-image-aB3xZ9",
            "lessons-00-welcome-aB3xZ9", "lessons-4242-aB3xZ", "lessons-4242-aB3xZ9-x", "lessons-1-aB3xZ9",
            "lessons--aB3xZ9", "other-4242-aB3xZ9",
        ] {
            #expect(LeftoverSweep.folderOwner(name) == nil, "\(name)")
        }
    }

    @Test func onlyPartialLessonFileNamesHaveAnOwner() {
        #expect(LeftoverSweep.partialFileOwner(".04-elbo.md.lessons-4242-0A1B2C3D") == 4242)
        #expect(LeftoverSweep.partialFileOwner(".a.lessons-b.md.lessons-77-abcdef01") == 77)
        for name in ["04-elbo.md.lessons-4242-0A1B2C3D", ".04-elbo.md.lessons-4242-0A1B2C3", ".04-elbo.md", ".x.lessons-abc-0A1B2C3D"] {
            #expect(LeftoverSweep.partialFileOwner(name) == nil, "\(name)")
        }
    }

    @Test func aLiveRunnersFolderIsKept() throws {
        let folder = try TemporaryFolder.make()
        defer { folder.remove() }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        LeftoverSweep.sweep(besideLessonsIn: [])
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }
}
