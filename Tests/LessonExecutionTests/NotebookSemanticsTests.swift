import LessonModel
import Testing

@Suite(.serialized) struct NotebookSemanticsTests {
    let harness = ExecutionHarness()

    @Test func cellsShareStateAndKeepTheirOwnOutput() throws {
        let (_, outputs) = try harness.run("""

            ```{swift}
            var total = 40
            print("first")
            ```

            ```{swift}
            total += 2
            FileHandle.standardError.write("note\\n".data(using: .utf8)!)
            import Foundation
            print("total", total)
            ```

            """)
        #expect(outputs.map(\.outcome) == [.succeeded, .succeeded])
        #expect(outputs[0].standardOutput == "first\n")
        #expect(outputs[1].items == [.standardOutput("total 42\n"), .standardError("note\n")])
    }

    @Test func displaysKeepTheirPlaceBetweenPrints() throws {
        let (_, outputs) = try harness.run("""

            ```{swift}
            print("before")
            show(Table(["x"], rows: [[1.5]]))
            print("after")
            show(SVGImage(source: "<svg/>", caption: "c"))
            show(3)
            ```

            """)
        #expect(outputs[0].items == [
            .standardOutput("before\n"), .table(columns: ["x"], rows: [["1.5"]]), .standardOutput("after\n"),
            .figure(svg: "<svg/>", caption: "c"), .value("3"),
        ])
    }

    @Test func theSeedComesFromTheRunnerSoRunsRepeat() throws {
        let body = "\n```{swift}\nvar g = SeededGenerator()\nprint(g.next(), g.nextUniform())\n```\n"
        let first = try harness.run(body).1[0].standardOutput
        let second = try harness.run(body).1[0].standardOutput
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func partialCreditKeepsTheSmallestReport() throws {
        let (_, outputs) = try harness.run("""

            ```{swift}
            LessonRuntime.reportPartialCredit(0.5)
            LessonRuntime.reportPartialCredit(1)
            ```

            ```{swift}
            print("no credit reported")
            ```

            """)
        #expect(outputs[0].credit == 0.5)
        #expect(outputs[1].credit == nil)
    }
}
