import Foundation
import Grading
import Testing

/// A broken exercise costs only its own tests: a trap, an exit, a signal or a hang in the top-level code of one
/// exercise cell gives that exercise's tests 0 and the other exercise is graded as usual (before, the program ended
/// there and every later test got 0; a hang held the run until the sum of all timeouts).
@Suite struct BrokenExerciseTests {
    static let lesson = """
        ---
        title: Two exercises
        seed: 5
        ---

        ```{swift}
        //| exercise: first
        //| timeout: 3
        func first(_ x: Int) -> Int {
            // BEGIN SOLUTION
            x + 1
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: first
        //| points: 1
        //| timeout: 3
        checkEqual(first(1), 2)
        ```

        ```{swift}
        //| exercise: second
        func second(_ x: Int) -> Int {
            // BEGIN SOLUTION
            x * 2
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: second
        //| points: 1
        //| timeout: 3
        checkEqual(second(4), 8)
        ```

        """

    static let grader: Result<Grading.SubmissionGrader, any Error> = Result { try GradingStyleLesson.grader(for: lesson) }

    func points(_ topLevel: String) throws -> [String: Double] {
        let broken = Self.lesson.replacingOccurrences(
            of: "    // END SOLUTION\n}\n```\n\n```{swift}\n//| test: first",
            with: "    // END SOLUTION\n}\n\(topLevel)\n```\n\n```{swift}\n//| test: first")
        #expect(broken != Self.lesson)
        let report = try Self.grader.get().grade(student: "s", bytes: Array(broken.utf8), displayPath: "submissions/s/two.md")
        return report.results.reduce(into: [:]) { $0[$1.exerciseId, default: 0] += $1.points }
    }

    @Test(arguments: [
        "fatalError(\"boom\")",
        "exit(3)",
        "kill(getpid(), SIGKILL)",
        "let table = [1, 2, 3]\nprint(table[7])",
        "while true {}",
        "sleep(1000)",
    ])
    func aTopLevelFailureInOneExerciseCostsOnlyItsOwnTests(topLevel: String) throws {
        let start = Date()
        let earned = try points("import Foundation\n" + topLevel)
        #expect(earned == ["first": 0, "second": 1], "\(topLevel)")
        #expect(Date().timeIntervalSince(start) < 60, "a hang costs its own cell's time, not the run's")
    }

    @Test func anHonestSubmissionStillEarnsEverything() throws {
        #expect(try points("let unused = 0") == ["first": 1, "second": 1])
    }
}

/// One checker run per submission, whatever the submission sends: the unchanged student copy (every value
/// missing, every test trapping in the checker) used to cost one checker run per test cell that trapped.
@Suite struct CheckerRunCountTests {
    @Test func theUnchangedStudentCopyCostsOneCheckerRun() throws {
        let lesson = try GradingStyleLesson(
            exercise: "func double(_ x: Int) -> Int {\nSOLUTION\n}", solution: "    2 * x",
            tests: ["checkEqual(double(1), 2)", "checkEqual(double(2), 4)", "checkEqual(double(3), 6)"],
            hiddenTests: ["checkEqual(double(-1), -2)", "checkEqual(double(0), 0)", "checkEqual(double(9), 18)"])
        let copy = try lesson.grader.grade(
            student: "s", bytes: Array(lesson.grader.released.source.bytes), displayPath: "submissions/s/style.md")
        #expect(copy.points == 0)
        #expect(copy.checkerRuns == 1)
        #expect(copy.submissionRuns == 1)
        let right = try lesson.report(for: lesson.solution)
        #expect(right.points == 6)
        #expect(right.checkerRuns == 1)
    }
}
