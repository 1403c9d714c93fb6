import Foundation
import Testing
import TestSupport

/// Submissions are files, not links (docs/grading.md, "Threat model"): what `lessons grade` does with
/// symbolic links, special files, hard links, oversized files, odd student names and folders it cannot
/// grade, and what reaches the feedback folders and the CSV export. Each attack's submission would earn
/// points, hang the grader or hide a student if the defence were missing.
@Suite(.serialized) struct SubmissionFileThreatTests {
    /// A class where zoe submitted an honest, correct answer (5 of 5 points).
    func classWithZoe() throws -> GradingClass {
        let grading = try GradingClass()
        try grading.submit("zoe", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        return grading
    }

    /// `submissions/<student>/`, created.
    func folder(_ grading: GradingClass, _ student: String) throws -> URL {
        let folder = grading.submissions.appendingPathComponent(student)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func grade(_ grading: GradingClass, _ arguments: [String] = ["submissions"]) throws -> LessonsCommandRunner.Result {
        try grading.lessons.run(["grade", "--lesson", "means.md"] + arguments)
    }

    /// The feedback page in `feedback/<folder>/means.html`, after running `lessons feedback`.
    func feedbackPage(_ grading: GradingClass, folder: String) throws -> String {
        _ = try grading.lessons.run(["feedback", "--out", "feedback"])
        return try String(
            contentsOf: grading.project.root.appendingPathComponent("feedback/\(folder)/means.html"), encoding: .utf8)
    }

    // MARK: Files, not links

    @Test func aSymlinkToTheInstructorLessonIsRejected() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let instructor = grading.project.root.appendingPathComponent("Lessons/means.md")
        try FileManager.default.createSymbolicLink(
            at: try folder(grading, "mallory").appendingPathComponent("means.md"), withDestinationURL: instructor)
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is a symbolic link"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0"])
        let page = try grading.feedback("mallory")
        #expect(page.contains("symbolic link"), "the student is told why")
        #expect(!page.contains("BEGIN SOLUTION") && !page.contains("reduce(0, +)"), "the instructor's lesson is not shown")
    }

    @Test func aSymlinkToAnotherStudentsSubmissionIsRejected() throws {
        let grading = try classWithZoe()
        defer { grading.project.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: try folder(grading, "mallory").appendingPathComponent("means.md").path,
            withDestinationPath: "../zoe/means.md")
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is a symbolic link"))
        #expect(try grading.totals() == ["mallory": "0", "zoe": "5"])
        let page = try grading.feedback("mallory")
        #expect(page.contains("symbolic link"))
        #expect(!page.contains("reduce(0, +)"), "zoe's code is not shown to mallory")
    }

    @Test func aSymlinkedStudentFolderIsRejected() throws {
        let grading = try classWithZoe()
        defer { grading.project.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: grading.submissions.appendingPathComponent("mallory").path, withDestinationPath: "zoe")
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the student folder is a symbolic link"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0", "zoe": "5"])
        #expect(!(try grading.feedback("mallory")).contains("reduce(0, +)"))
    }

    @Test func aFIFOSubmissionIsRejectedWithoutHanging() throws {
        let grading = try classWithZoe()
        defer { grading.project.remove() }
        let fifo = try folder(grading, "mallory").appendingPathComponent("means.md")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        // Grading zoe takes a few seconds; a grader that waits for a writer on the FIFO never ends.
        let result = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"], timeout: 120)
        #expect(result.status != SIGKILL, "the grader hung on the FIFO and was killed after 120 s")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is a FIFO"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0", "zoe": "5"])
    }

    @Test func aSocketSubmissionIsRejected() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try Self.makeSocket(at: try folder(grading, "mallory").appendingPathComponent("means.md"))
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is a socket"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0"])
    }

    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aDeviceSubmissionIsRejected() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        // The same device as /dev/null (major 1, minor 3).
        let device = try folder(grading, "mallory").appendingPathComponent("means.md")
        #expect(mknod(device.path, S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0)
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is a character device"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0"])
    }

    @Test func aHardLinkToAnotherStudentsSubmissionIsRejected() throws {
        let grading = try classWithZoe()
        defer { grading.project.remove() }
        let zoes = grading.submissions.appendingPathComponent("zoe/means.md")
        try FileManager.default.linkItem(at: zoes, to: try folder(grading, "mallory").appendingPathComponent("means.md"))
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission has 2 hard links"),
            "\(result.standardError)")
        // Which of the two names came first cannot be told from the file: both are rejected with the reason, and
        // the instructor sorts it out.
        #expect(try grading.totals() == ["mallory": "0", "zoe": "0"])
        #expect(try grading.feedback("zoe").contains("2 hard links"))
    }

    @Test func anOversizedSubmissionIsRejectedWithItsSize() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("mallory", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance) {
            $0 + "\n<!-- " + String(repeating: "padding ", count: 3 << 17) + "-->\n"
        }
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("mallory: 0/5 points, rejected: the submission is 3.0 MiB"),
            "\(result.standardError)")
        #expect(try grading.totals() == ["mallory": "0"])
    }

    // MARK: Names map to distinct folders and rows

    @Test func namesThatLookAlikeGetTheirOwnFeedbackFolders() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("a x", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        try grading.submit("a_x", mean: "return 0", variance: FixtureClass.correctVariance)
        #expect(try grade(grading).status == 0)
        #expect(try grading.totals() == ["a x": "5", "a_x": "2"])
        #expect(try grading.lessons.run(["feedback", "--out", "feedback"]).status == 0)
        #expect(try feedbackPage(grading, folder: "a%20x").contains("Total: 5 of 7 points"))
        #expect(try feedbackPage(grading, folder: "a_x").contains("Total: 2 of 7 points"))
    }

    @Test func namesEqualIgnoringCaseStopFeedbackNamingBoth() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("Ann", mean: nil)
        try grading.submit("ann", mean: nil)
        #expect(try grade(grading).status == 0)
        let feedback = try grading.lessons.run(["feedback", "--out", "feedback"])
        #expect(feedback.status == 1, "on a case-insensitive disk the two would share a folder")
        #expect(feedback.standardError.contains("'Ann'") && feedback.standardError.contains("'ann'"),
            "\(feedback.standardError)")
    }

    @Test func aStudentInTwoSubmissionFoldersIsAnError() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        for section in ["section-a", "section-b"] {
            let folder = grading.project.root.appendingPathComponent("\(section)/bob")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(grading.released.utf8).write(to: folder.appendingPathComponent("means.md"))
        }
        let result = try grade(grading, ["section-a", "section-b"])
        #expect(result.status == 1, "one gradebook row per student: the second would overwrite the first")
        #expect(result.standardError.contains("section-a/bob/means.md") && result.standardError.contains("section-b/bob/means.md"),
            "\(result.standardError)")
    }

    // MARK: CSV cells are text

    @Test func csvCellsCannotBecomeFormulas() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit("=1+1", mean: nil)
        #expect(try grade(grading).status == 0)
        #expect(try grading.lessons.run([
            "grades", "set", "--student", "+cmd|' /C calc'!A0,\"x\"", "--new-student", "--lesson", "means",
            "--exercise", "explain", "--points=1",
        ]).status == 0)
        let csv = try grading.lessons.run(["grades", "export", "--csv"]).standardOutput
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.contains("'=1+1,means,TOTAL,0,5,0,0,0,7"), "\(csv)")
        #expect(lines.contains("\"'+cmd|' /C calc'!A0,\"\"x\"\"\",means,explain,0,0,1,0,1,2"),
            "quoted, neutralised; numbers stay plain: \(csv)")
        #expect(!lines.contains { $0.hasPrefix("=") || $0.hasPrefix("+") }, "\(csv)")
    }

    // MARK: Every submission found is graded or reported

    @Test func dotFoldersAreGradedAndMisnamedSubmissionsReported() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit(".mallory", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        let bob = try folder(grading, "bob")
        try Data(grading.released.utf8).write(to: bob.appendingPathComponent("Means.md"))
        try Data("notes".utf8).write(to: bob.appendingPathComponent("notes.txt"))
        _ = try folder(grading, "carol")
        // A folder named by bytes that are not UTF-8 ("b\u{FF}"): it cannot be a student name.
        let raw = Array(grading.submissions.path.utf8) + [0x2F, 0x62, 0xFF, 0]
        #expect(raw.withUnsafeBytes { mkdir($0.baseAddress!.assumingMemoryBound(to: CChar.self), 0o755) } == 0)
        let result = try grade(grading)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try grading.totals() == [".mallory": "5"])
        #expect(result.standardError.contains("warning: submissions/bob has no means.md (its .md files: Means.md)"),
            "\(result.standardError)")
        #expect(result.standardError.contains("warning: submissions/carol has no means.md (it has no .md files)"),
            "\(result.standardError)")
        #expect(result.standardError.contains("warning: submissions/b\u{FFFD}: the name is not valid UTF-8"),
            "\(result.standardError)")
        #expect(try feedbackPage(grading, folder: "%2Emallory").contains("Total: 5 of 7 points"), "no hidden feedback folder")
    }

    @Test func missingSubmissionsOrNothingToGradeIsAnError() throws {
        let grading = try classWithZoe()
        defer { grading.project.remove() }
        let missing = try grade(grading, ["submissions", "nowhere"])
        #expect(missing.status == 1, "a mistyped folder is not an empty class")
        #expect(missing.standardError.contains("nowhere does not exist"), "\(missing.standardError)")
        let missingFile = try grade(grading, ["submissions/zoe/means.md", "submissions/ghost/means.md"])
        #expect(missingFile.status == 1)
        #expect(missingFile.standardError.contains("submissions/ghost/means.md does not exist"), "\(missingFile.standardError)")
        #expect(try grading.totals().isEmpty, "nothing is graded when a path is wrong")
        try FileManager.default.createDirectory(
            at: grading.project.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try grade(grading, ["empty"])
        #expect(empty.status == 1, "grading nothing at all is an error")
        #expect(empty.standardError.contains("no submissions of means.md in empty"), "\(empty.standardError)")
    }

    /// A Unix socket file at `url`, bound through a short symbolic link (socket paths are limited to 107 bytes).
    static func makeSocket(at url: URL) throws {
        let short = "/tmp/lessons-socket-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createSymbolicLink(
            atPath: short, withDestinationPath: url.deletingLastPathComponent().path)
        defer { try? FileManager.default.removeItem(atPath: short) }
        let socket = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((short + "/" + url.lastPathComponent).utf8CString)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.withUnsafeBytes { buffer.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0, "bind: \(String(cString: strerror(errno)))")
    }
}
