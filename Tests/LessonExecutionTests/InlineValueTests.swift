import LessonModel
import Testing

@Suite struct InlineValueTests {
    let harness = ExecutionHarness()

    @Test func expressionsTakeTheValueWhereTheyStand() throws {
        let (_, result) = try harness.execute("""
            Before any cell: `{swift} 6 * 7`.

            ```{swift}
            var nll = 18.173412
            let name = "PixelCNN"
            ```

            The \\(`{swift} name`) NLL is `{swift} nll` nats, `{swift} Float(0.5)` and `{swift} [1, 2]`.

            ```{swift}
            nll = 17.0
            print("retrained")
            ```

            Now `{swift} nll`.
            """)
        #expect(result.inlineValues == [
            .value("42"), .value("PixelCNN"), .value("18.17"), .value("0.5"), .value("[1, 2]"), .value("17"),
        ])
        #expect(result.cells.map(\.outcome) == [.succeeded, .succeeded])
        #expect(result.cells[1].standardOutput == "retrained\n", "inline values never reach a cell's output")
    }

    @Test func anExpressionThatDoesNotCompileFailsAtItsColumnAndTheLessonRuns() throws {
        let (_, result) = try harness.execute("""
            ```{swift}
            let xs = [1, 2, 3]
            ```

            A typo `{swift} xss.count` and a good one `{swift} xs.count`.

            ```{swift}
            print(xs.reduce(0, +))
            ```
            """)
        guard case .failed(let message, let location) = result.inlineValues[0] else {
            Issue.record("expected a failure, got \(result.inlineValues[0])")
            return
        }
        #expect(message.contains("inline expression `xss.count` does not compile: cannot find 'xss' in scope"))
        #expect("\(location)" == "Lessons/t.md:9:17")
        #expect(result.inlineValues[1] == .value("3"))
        #expect(result.cells[1].standardOutput == "6\n")
    }

    @Test func anExpressionThatTrapsFailsAndTheCellsAfterItStillRun() throws {
        let (_, result) = try harness.execute("""
            ```{swift}
            let xs = [1, 2, 3]
            ```

            Out of range: `{swift} xs[7]`; in range: `{swift} xs[2]`.

            ```{swift}
            print("after")
            ```
            """)
        guard case .failed(let message, let location) = result.inlineValues[0] else {
            Issue.record("expected a failure, got \(result.inlineValues[0])")
            return
        }
        #expect(message.hasPrefix("inline expression `xs[7]` crashed"))
        #expect(message.contains("Index out of range"))
        #expect("\(location)" == "Lessons/t.md:9:24")
        #expect(result.inlineValues[1] == .value("3"))
        #expect(result.cells.map(\.outcome) == [.succeeded, .succeeded])
        #expect(result.cells[1].standardOutput == "after\n")
    }

    @Test func expressionsBelowACellThatStopsTheLessonAreNotRun() throws {
        let (_, result) = try harness.execute("""
            `{swift} 1 + 1` first.

            ```{swift}
            let xs: [Int] = []
            print(xs[0])
            ```

            Never `{swift} 2 + 2`.
            """)
        #expect(result.inlineValues == [.value("2"), .notRun])
        #expect(result.cells[0].failure != nil)
    }
}
