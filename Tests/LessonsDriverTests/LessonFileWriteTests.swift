import Foundation
import Testing
import TestSupport

/// Writing a lesson back (`run`, `clear`) goes through symbolic links to the real file, keeps its mode and owner,
/// and refuses a lesson with other hard links (issue 15, item 8).
@Suite(.serialized) struct LessonFileWriteTests {
    static let cleared = """
        ---
        title: Links
        ---

        ```{swift}
        print(1)
        ```

        """
    static let ran = cleared + """

        <!-- lessons:output id=cell-1 hash=1a2b3c4d5e6f7a8b status=ok -->

        ```output
        1
        ```

        <!-- lessons:end -->

        """

    func attributes(_ path: String) throws -> stat {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile) }
        return info
    }

    @Test func clearWritesThroughASymlinkAndKeepsModeAndOwner() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let real = project.root.appendingPathComponent("sources/01-links.md")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(Self.ran.utf8).write(to: real)
        #expect(chmod(real.path, 0o640) == 0)
        #expect(chown(real.path, 1234, 5678) == 0 || getuid() != 0)
        let link = project.root.appendingPathComponent("Lessons/01-links.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../sources/01-links.md")

        let result = try LessonsCommandRunner(project: project).run(["clear", "01-links.md"])
        #expect(result.status == 0, "\(result.standardError)")
        let linkInfo = try attributes(link.path)
        #expect(linkInfo.st_mode & S_IFMT == S_IFLNK, "the lesson is still a symbolic link")
        #expect(try String(contentsOf: real, encoding: .utf8) == Self.cleared, "the real file was written")
        let realInfo = try attributes(real.path)
        #expect(realInfo.st_mode & 0o7777 == 0o640, "mode kept: \(String(realInfo.st_mode & 0o7777, radix: 8))")
        if getuid() == 0 { #expect(realInfo.st_uid == 1234 && realInfo.st_gid == 5678, "owner kept") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: real.deletingLastPathComponent().path)
        #expect(leftovers == ["01-links.md"], "no temporary file left: \(leftovers)")
    }

    /// A lesson with other hard links is refused: replacing it atomically would split the links, writing in place
    /// could leave half a file after a crash.
    @Test func aHardLinkedLessonIsRefusedAndLeftAlone() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let lesson = try project.write("01-links.md", Self.ran)
        let other = project.root.appendingPathComponent("copy-of-lesson.md")
        #expect(link(lesson.path, other.path) == 0)

        let result = try LessonsCommandRunner(project: project).run(["clear", "01-links.md"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("Lessons/01-links.md"), "\(result.standardError)")
        #expect(result.standardError.contains("hard link"), "\(result.standardError)")
        #expect(try attributes(lesson.path).st_ino == attributes(other.path).st_ino, "still one file")
        #expect(try project.read("01-links.md") == Self.ran, "nothing written")
    }

    @Test func aDanglingSymlinkIsAnErrorNotAReplacement() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let link = project.root.appendingPathComponent("Lessons/01-links.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../nowhere/01-links.md")
        let result = try LessonsCommandRunner(project: project).run(["clear", "01-links.md"])
        #expect(result.status == 1)
        #expect(try attributes(link.path).st_mode & S_IFMT == S_IFLNK)
    }
}
