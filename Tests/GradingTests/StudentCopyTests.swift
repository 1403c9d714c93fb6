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
            ["// YOUR CODE HERE", "let rate: Double = { fatalError(\"not implemented yet\") }()",
             "var steps: Int = { fatalError(\"not implemented yet\") }()"]
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
            ```

            """)
    }
}
