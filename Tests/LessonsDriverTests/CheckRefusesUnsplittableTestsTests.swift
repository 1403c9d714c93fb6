import Foundation
import TestSupport
import Testing

/// Issue 21: a test the grader cannot judge is refused by `lessons check` at the test's line, before any
/// submission is graded with it, and a test it can judge is not.
@Suite struct CheckRefusesUnsplittableTestsTests {
    static func lesson(test: String) -> String {
        """
        ---
        title: Tally
        ---

        ```{swift}
        //| exercise: tally
        struct Tally: Equatable {
            var items: [Int] = []
            mutating func add(_ x: Int) {
                // BEGIN SOLUTION
                items.append(x)
                // END SOLUTION
            }
        }
        ```

        ```{swift}
        //| test: tally
        //| points: 1
        var tally = Tally()
        tally.add(5)
        \(test)
        ```

        """
    }

    @Test func aCheckOfTheObjectItselfIsAnErrorAtItsLine() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("tally.md", Self.lesson(test: "checkEqual(tally, Tally(items: [5]))"))
        let result = try LessonsCommandRunner(project: project).run(["check", "tally.md"])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("Lessons/tally.md:22:12: error:"), "\(result.standardError)")
        #expect(result.standardError.contains("the grader cannot judge this"), "\(result.standardError)")
    }

    @Test func aCheckOfAValueTheObjectGivesPasses() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("tally.md", Self.lesson(test: "checkEqual(tally.items, [5])"))
        let result = try LessonsCommandRunner(project: project).run(["check", "tally.md"])
        #expect(result.status == 0, "\(result.standardError)")
    }
}
