import Foundation
import LessonExecution
import LessonModel
import Testing

/// A trap's own message (`precondition`, `fatalError`, LessonKit's checks of its arguments) is shown in the cell's
/// error and on the terminal line, and a trapping cell gives the same output on every run (no runtime noise).
@Suite(.serialized) struct TrapReportTests {
    let harness = ExecutionHarness()

    /// Runs `code` as the only cell (its first line is line 7 of the lesson) and returns its output.
    func failingCell(_ code: String) throws -> CellOutput {
        try harness.run("\n```{swift}\n\(code)\n```\n").1[0]
    }

    @Test func preconditionMessageIsShownAtItsLine() throws {
        let output = try failingCell("""
            func half(_ n: Int) -> Int {
                precondition(n % 2 == 0, "\\(n) is odd")
                return n / 2
            }
            print(half(3))
            """)
        let failure = try #require(output.failure)
        #expect(failure.message.contains("Precondition failed: 3 is odd"), "\(failure.message)")
        #expect(failure.location.hasPrefix("Lessons/t.md:8:"), "\(failure.location)")
        #expect(output.errors.joined().contains("3 is odd"))
    }

    @Test func fatalErrorMessageIsOnTheTerminalLine() throws {
        let output = try failingCell("print(\"kept\")\nfatalError(\"the model diverged\")")
        let failure = try #require(output.failure)
        #expect(failure.message.contains("Fatal error: the model diverged"), "\(failure.message)")
        #expect(failure.location.hasPrefix("Lessons/t.md:8:"), "\(failure.location)")
        #expect(output.standardOutput == "kept\n")
        #expect(output.errors.count == 1)
        #expect(output.errors.first?.hasPrefix("\(failure.location): error: ") == true)
    }

    @Test func lessonKitsOwnPreconditionMessageIsShownAtTheCallingLine() throws {
        let output = try failingCell("let values = [1.0, 2.0]\nlet plot = Histogram(values, bins: 0, title: \"x\")")
        let failure = try #require(output.failure)
        #expect(failure.message.contains("Histogram needs at least one bin"), "\(failure.message)")
        #expect(failure.location.hasPrefix("Lessons/t.md:8:"), "\(failure.location)")
    }

    @Test func aTrappingCellGivesTheSameOutputEveryRun() throws {
        let runs = try (0..<6).map { _ in try failingCell("let xs = [1, 2, 3]\nprint(xs[xs.count])") }
        for output in runs {
            #expect(output.items == runs[0].items && output.outcome == runs[0].outcome)
            let text = output.items.map { "\($0)" }.joined()
            #expect(!text.contains("swift-runtime"), "\(text)")
        }
        #expect(try #require(runs[0].failure).message.contains("Index out of range"))
    }
}
