import Grading
import LessonModel
import LessonParsing
import Testing

@Suite struct StudentCopyTests {
    @Test(arguments: [
        (
            "func mean(_ xs: [Double]) -> Double {\n    xs.reduce(0, +) / Double(xs.count)\n}\n",
            ["// YOUR CODE HERE", "func mean(_ xs: [Double]) -> Double {", "    fatalError(\"not implemented yet\")", "}"]
        ),
        (
            "let rate: Double = 0.1\nvar steps: Int = 10\n",
            ["// YOUR CODE HERE", "var rate: Double { fatalError(\"not implemented yet\") }",
             "var steps: Int { get { fatalError(\"not implemented yet\") } set { fatalError(\"not implemented yet\") } }"]
        ),
        (
            "xs.reduce(0, +) / Double(xs.count)\n",
            ["// YOUR CODE HERE", "fatalError(\"not implemented yet\")"]
        ),
        (
            "@discardableResult\nfunc fit<T: Numeric>(_ x: T) throws -> T where T: Comparable {\n    return x\n}\n",
            ["// YOUR CODE HERE", "@discardableResult\nfunc fit<T: Numeric>(_ x: T) throws -> T where T: Comparable {",
             "    fatalError(\"not implemented yet\")", "}"]
        ),
    ])
    func stubsKeepSignaturesAndTrap(solution: String, expected: [String]) {
        #expect(SolutionStub.lines(for: solution, indentation: "") == expected)
    }

    @Test func untypedVariablesAreReported() {
        #expect(SolutionStub.untypedVariables(in: "let a = 1\nlet b: Int = 2\nvar c = 3, d: Int = 4\n") == ["a", "c"])
    }

    @Test func releaseStripsSolutionsHiddenTestsInstructorTextAndGradedOutputs() throws {
        let instructor = """
            ---
            title: T
            ---

            <!-- BEGIN INSTRUCTOR -->
            Grading notes: most students forget the empty case.
            <!-- END INSTRUCTOR -->

            ```{swift}
            //| exercise: mean
            func mean(_ xs: [Double]) -> Double {
                // BEGIN SOLUTION
                xs.reduce(0, +) / Double(xs.count)
                // END SOLUTION
            }
            ```

            <!-- lessons:output id=cell-1 hash=1 status=ok -->
            <!-- lessons:end -->

            ```{swift}
            //| test: mean
            //| points: 2
            check(mean([1, 3]), approximatelyEquals: 2)
            // BEGIN HIDDEN TESTS
            check(mean([5]), approximatelyEquals: 5)
            // END HIDDEN TESTS
            ```

            """
        let lesson = try #require(LessonParser.parse(Array(instructor.utf8), displayPath: "Lessons/t.md").0)
        let (markup, problems) = GradingMarkupParser.parse(lesson)
        #expect(problems.isEmpty)
        let student = String(decoding: StudentCopy.make(from: lesson, markup: markup), as: UTF8.self)
        #expect(student == """
            ---
            title: T
            ---


            ```{swift}
            //| exercise: mean
            func mean(_ xs: [Double]) -> Double {
                // YOUR CODE HERE
                fatalError("not implemented yet")
            }
            ```

            ```{swift}
            //| test: mean
            //| points: 2
            check(mean([1, 3]), approximatelyEquals: 2)
            // HIDDEN TESTS: run when graded
            ```

            """)
    }

    /// Where a region stands decides its stub: in a body of code, the trap alone.
    @Test(arguments: [
        ("func f() -> [Double] {\n    // BEGIN SOLUTION\n    var means: [Double] = []\n    return means\n    // END SOLUTION\n}\n", 2,
         SolutionContext.body),
        ("let g = { (x: Double) -> Double in\n    // BEGIN SOLUTION\n    x\n    // END SOLUTION\n}\n", 2, .body),
        ("// BEGIN SOLUTION\nlet answer: Double = 0.5\n// END SOLUTION\n", 1, .topLevel),
        ("struct S {\n    // BEGIN SOLUTION\n    var k: Int = 1\n    // END SOLUTION\n}\n", 2, .members),
        ("func f() {\n    // BEGIN SOLUTION\n    // END SOLUTION\n}\n", 2, .body),
    ])
    func regionsKnowWhereTheyStand(cell: String, markerLine: Int, expected: SolutionContext) {
        #expect(SolutionContext.of(markerLine: markerLine, inCell: cell) == expected)
    }

    @Test func aTypedLocalInAFunctionBodyDoesNotReachTheStub() throws {
        let instructor = """
            ---
            title: T
            ---

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

            """
        let lesson = try #require(LessonParser.parse(Array(instructor.utf8), displayPath: "Lessons/t.md").0)
        let student = String(decoding: StudentCopy.make(from: lesson, markup: GradingMarkupParser.parse(lesson).0), as: UTF8.self)
        #expect(!student.contains("var means"))
        #expect(student.contains("func means(_ rows: [[Double]]) -> [Double] {\n    // YOUR CODE HERE\n    fatalError(\"not implemented yet\")\n}"))
    }
    @Test func outputsKeptInTheCopyNameTheCopysLines() throws {
        let error = "Lessons/t.md:19:7: error: index out of range"
        let instructor = """
            ---
            title: T
            ---

            ```{swift}
            //| exercise: mean
            func mean(_ xs: [Double]) -> Double {
                // BEGIN SOLUTION
                let total: Double = xs.reduce(0, +)
                let count: Double = Double(xs.count)
                return total / count
                // END SOLUTION
            }
            ```

            ```{swift}
            //| error: true
            let xs = [1]
            print(xs[3])
            ```

            <!-- lessons:output id=cell-2 hash=1 status=ok content=\(OutputMarker.contentHash(of: ["", "```error", error, "```", ""].map(\.utf8))) -->

            ```error
            \(error)
            ```

            <!-- lessons:end -->

            """
        let lesson = try #require(LessonParser.parse(Array(instructor.utf8), displayPath: "Lessons/t.md").0)
        let student = String(decoding: StudentCopy.make(from: lesson, markup: GradingMarkupParser.parse(lesson).0), as: UTF8.self)
        let lines = student.split(separator: "\n", omittingEmptySubsequences: false)
        // The stub is three lines shorter than the solution: the trap's line moves up by three.
        #expect(lines[15] == "print(xs[3])")
        #expect(student.contains("Lessons/t.md:16:7: error: index out of range"), "\(student)")
        let copy = try #require(LessonParser.parse(Array(student.utf8), displayPath: "Lessons/t.md").0)
        #expect(copy.cells[1].output?.isIntact == true)
    }
}
