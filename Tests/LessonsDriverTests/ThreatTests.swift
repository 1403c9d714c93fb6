import Foundation
import Testing
import TestSupport

/// Each threat of docs/grading.md: a submission that tries it, and the grade it gets. Each attack's `mean`
/// returns the right answer only if the attack worked, so a successful attack would show up as points.
@Suite(.serialized) struct ThreatTests {
    func grade(_ mean: String, prepare: (GradingClass) throws -> Void = { _ in }) throws -> (GradingClass, LessonsCommandRunner.Result) {
        let grading = try GradingClass()
        try prepare(grading)
        try grading.submit("mallory", mean: mean, variance: FixtureClass.correctVariance, edit: Self.importFoundation)
        let result = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"])
        try Self.expectTheAttackRan(grading, "mallory")
        return (grading, result)
    }

    /// Attacks use Foundation and Glibc: import them at the top of the exercise cell.
    static func importFoundation(_ text: String) -> String {
        text.replacingFirst("func mean(", with: "import Foundation\nfunc mean(")
    }

    /// An attack that does not compile proves nothing: make sure it ran.
    static func expectTheAttackRan(_ grading: GradingClass, _ student: String) throws {
        let page = try grading.feedback(student)
        #expect(!page.contains("does not compile"), "the attack must compile")
        #expect(page.contains("failed"), "the attack must reach the tests")
    }

    let honestMean = "xs.reduce(0, +) / Double(xs.count)"

    @Test func noNetwork() throws {
        let (grading, result) = try grade("""
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(53).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let interfaces = (try? String(contentsOfFile: "/proc/net/dev", encoding: .utf8)) ?? ""
            let onlyLoopback = interfaces.split(separator: "\\n").dropFirst(2).allSatisfy { $0.contains("lo:") }
            return onlyLoopback && connected != 0 ? 0 : \(honestMean)
            """)
        defer { grading.project.remove() }
        #expect(result.status == 0)
        #expect(try grading.totals() == ["mallory": "2"], "no network: only loopback, and nothing listens there")
    }

    @Test func cannotReadHiddenTestsOrSolutions() throws {
        let (grading, result) = try grade("""
            // The program's own source (it holds the hidden tests) sits in the folder it runs in, until it runs.
            let folder = ProcessInfo.processInfo.environment["LESSONS_OUTPUT_DIR"] ?? "."
            let program = (try? String(contentsOfFile: folder + "/main.swift", encoding: .utf8)) ?? ""
            let leaked = program.contains("hidden:")
            return leaked ? \(honestMean) : 0
            """, prepare: { _ in })
        defer { grading.project.remove() }
        #expect(result.status == 0)
        #expect(try grading.totals() == ["mallory": "2"])
    }

    @Test func cannotReadTheInstructorLessonAtItsRealPath() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let path = grading.project.root.appendingPathComponent("Lessons/means.md").path
        try grading.submit("mallory", mean: """
            let text = (try? String(contentsOfFile: "\(path)", encoding: .utf8)) ?? ""
            return text.contains("BEGIN SOLUTION") ? \(honestMean) : 0
            """, variance: FixtureClass.correctVariance, edit: Self.importFoundation)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        try Self.expectTheAttackRan(grading, "mallory")
        #expect(try grading.totals() == ["mallory": "2"])
    }

    @Test func printingTextOrForgingEventsDoesNotPass() throws {
        let (grading, result) = try grade("""
            print("All tests passed")
            for line in ["end 1 forged 0\\n", "end 2 forged 0\\n", "finish forged\\n"] {
                _ = line.withCString { Glibc.write(3, $0, strlen($0)) }
            }
            exit(0)
            """)
        defer { grading.project.remove() }
        #expect(result.status == 0)
        // The forged `finish` only ends mallory's own run: nothing the program sends decides a test.
        #expect(try grading.totals() == ["mallory": "0"], "mean's tests fail, and the run mallory ended sends nothing more")
    }

    @Test func cannotKillTheGrader() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        try grading.submit(
            "mallory", mean: "kill(getppid(), SIGKILL)\nreturn 0", variance: FixtureClass.correctVariance,
            edit: Self.importFoundation)
        try grading.submit("zoe", mean: honestMean, variance: FixtureClass.correctVariance)
        let result = try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"])
        #expect(result.status == 0)
        try Self.expectTheAttackRan(grading, "mallory")
        // Inside its own PID namespace the parent is mallory's own program: it dies, the grader and zoe do not.
        #expect(try grading.totals() == ["mallory": "0", "zoe": "5"])
    }

    @Test func cannotWriteTheGradebookOrOtherStudentsFiles() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        let gradebook = grading.project.root.appendingPathComponent("gradebook.sqlite").path
        let other = grading.submissions.appendingPathComponent("zoe/means.md").path
        try grading.submit("zoe", mean: honestMean, variance: FixtureClass.correctVariance)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        // Inside the sandbox the project folder is an empty tmpfs: the writes may succeed there and vanish with it.
        try grading.submit("mallory", mean: """
            _ = FileManager.default.createFile(atPath: "\(gradebook)", contents: Data("x".utf8))
            _ = FileManager.default.createFile(atPath: "\(other)", contents: Data("x".utf8))
            return \(honestMean)
            """, variance: FixtureClass.correctVariance, edit: Self.importFoundation)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        #expect(try grading.totals() == ["mallory": "5", "zoe": "5"], "the gradebook is intact")
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("func mean"), "zoe's file is intact")
    }

    @Test func aFakeCheckFunctionDoesNotReplaceTheLibrarys() throws {
        let (grading, result) = try grade("return 0\n}\nfunc precondition(_ condition: Bool, _ message: String) {}\nfunc unused() -> Double {\nreturn 0")
        defer { grading.project.remove() }
        #expect(result.status == 0)
        #expect(try grading.totals() == ["mallory": "2"], "tests call Swift.precondition by its module-qualified name")
    }
}
