import Foundation
import TestSupport

/// A class on disk: the instructor's lesson in `Lessons/`, its student copy, and `submissions/<student>/means.md`.
struct GradingClass {
    let project: TemporaryProject
    let lessons: LessonsCommandRunner
    let released: String

    init() throws {
        // Not under /tmp: the sandbox gives programs an empty /tmp, which would hide the class's files anyway
        // and make the tests of hidden paths pass for the wrong reason.
        project = try TemporaryProject(in: BuildProducts.directory.appendingPathComponent("test-projects"))
        lessons = LessonsCommandRunner(project: project)
        try project.write("means.md", FixtureClass.instructor)
        let release = try lessons.run(["release", "means.md", "--out", "released"])
        guard release.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["message": release.standardError]) }
        released = try String(contentsOf: project.root.appendingPathComponent("released/means.md"), encoding: .utf8)
    }

    var submissions: URL { project.root.appendingPathComponent("submissions") }

    /// Writes `student`'s submission with these exercise bodies (nil: left as released).
    func submit(_ student: String, mean: String?, variance: String? = nil, edit: (String) -> String = { $0 }) throws {
        let folder = submissions.appendingPathComponent(student)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = edit(FixtureClass.submission(released: released, mean: mean, variance: variance))
        try Data(text.utf8).write(to: folder.appendingPathComponent("means.md"))
    }

    /// `student`'s feedback page (after `lessons feedback`).
    func feedback(_ student: String) throws -> String {
        _ = try lessons.run(["feedback", "--out", "feedback"])
        return try String(
            contentsOf: project.root.appendingPathComponent("feedback/\(student)/means.html"), encoding: .utf8)
    }

    /// `lessons grades export --csv` as `student -> TOTAL auto points`.
    func totals(gradebook: String = "gradebook.sqlite") throws -> [String: String] {
        let csv = try lessons.run(["grades", "export", "--csv", "--gradebook", gradebook]).standardOutput
        var totals: [String: String] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if fields[2] == "TOTAL" { totals[fields[0]] = fields[3] }
        }
        return totals
    }

    /// `lessons grades export --csv` as `student -> exercise -> auto points` (TOTAL included).
    func points(gradebook: String = "gradebook.sqlite") throws -> [String: [String: String]] {
        let csv = try lessons.run(["grades", "export", "--csv", "--gradebook", gradebook]).standardOutput
        var points: [String: [String: String]] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            points[fields[0], default: [:]][fields[2]] = fields[3]
        }
        return points
    }
}
