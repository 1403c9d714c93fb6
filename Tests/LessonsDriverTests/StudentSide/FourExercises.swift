import Foundation
import TestSupport

/// An instructor's lesson with four exercises (a function, a top-level `let`, a function whose solution has a typed
/// local, and another top-level `let`), released, and a student's project holding the copy with exercises 2 and 4
/// solved and 1 and 3 left as released.
struct FourExercises {
    static let instructor = """
        ---
        title: Four
        ---

        ```{swift}
        //| exercise: double
        func double(_ x: Double) -> Double {
            // BEGIN SOLUTION
            2 * x
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: double
        //| points: 1
        check(double(2), approximatelyEquals: 4)
        ```

        ```{swift}
        //| exercise: answer
        // BEGIN SOLUTION
        let answer: Double = 0.5
        // END SOLUTION
        ```

        ```{swift}
        //| test: answer
        //| points: 1
        check(answer, approximatelyEquals: 0.5)
        ```

        ```{swift}
        //| test: answer
        //| points: 2
        check(answer > 0)
        // BEGIN HIDDEN TESTS
        check(answer < 1)
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: means
        func means(_ rows: [[Double]]) -> [Double] {
            // BEGIN SOLUTION
            var means: [Double] = []
            for row in rows { means.append(row.reduce(0, +) / Double(row.count)) }
            return means
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: means
        //| points: 1
        check(means([[1, 3], [2]])[0], approximatelyEquals: 2)
        ```

        ```{swift}
        //| exercise: rate
        // BEGIN SOLUTION
        let rate: Double = 0.25
        // END SOLUTION
        ```

        ```{swift}
        //| test: rate
        //| points: 1
        check(rate, approximatelyEquals: 0.25)
        ```

        ```{swift}
        //| test: rate
        //| points: 2
        // BEGIN HIDDEN TESTS
        check(rate < 0.5)
        // END HIDDEN TESTS
        ```

        ```{swift}
        print("after the exercises")
        ```

        """

    let course: TemporaryProject
    let student: TemporaryProject
    let released: String

    init() throws {
        course = try TemporaryProject()
        try course.write("four.md", Self.instructor)
        let release = try LessonsCommandRunner(project: course).run(["release", "four.md", "--out", "released"])
        guard release.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: ["message": release.standardError]) }
        released = try String(contentsOf: course.root.appendingPathComponent("released/four.md"), encoding: .utf8)
        student = try TemporaryProject()
        // The student solves exercises 2 and 4: each stub line of a top-level `let` becomes the declaration.
        let solved = released.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.contains("answer: Double") { return "let answer: Double = 0.5" }
            if line.contains("rate: Double") { return "let rate: Double = 0.25" }
            return String(line)
        }.joined(separator: "\n")
        try student.write("four.md", solved)
    }

    /// `lessons` in the student's project.
    var lessons: LessonsCommandRunner { LessonsCommandRunner(project: student) }

    func remove() {
        course.remove()
        student.remove()
    }
}
