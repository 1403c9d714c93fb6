import Foundation
import Testing
import TestSupport

/// `lessons run --optimized` compiles cells with `-O` and still reports a failed `precondition` with its own message
/// at its own line, as `-Onone` does (under plain `-O` the message was dropped: "Swift runtime failure:
/// precondition failure").
@Suite struct OptimizedCellTests {
    let lesson = """
        ---
        title: Optimised
        ---

        ```{swift}
        //| id: sums
        func total(_ n: Int) -> Int {
            var sum = 0
            for i in 0..<n { sum &+= i }
            precondition(sum >= 0, "the sum \\(sum) is negative")
            precondition(sum < 10, "the sum \\(sum) is too big")
            return sum
        }
        print(total(3))
        print(total(100))
        ```

        """

    @Test(arguments: [["--optimized"], []])
    func aFailedPreconditionKeepsItsMessageAndLine(flags: [String]) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try project.write("01-sums.md", lesson)
        let run = try LessonsCommandRunner(project: project).run(["run"] + flags + ["01-sums.md"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("Lessons/01-sums.md:11:") && run.standardError.contains("the sum 4950 is too big"),
            "\(flags): \(run.standardError)")
        #expect(try project.read("01-sums.md").contains("```output\n3\n```"), "the output before the trap is kept")
    }
}
