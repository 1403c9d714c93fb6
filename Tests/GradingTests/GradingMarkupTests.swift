import Grading
import LessonModel
import LessonParsing
import Testing

@Suite struct GradingMarkupTests {
    func markup(_ body: String) throws -> (GradingMarkup, [String]) {
        let text = "---\ntitle: T\n---\n" + body
        let lesson = try #require(LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0)
        let (markup, problems) = GradingMarkupParser.parse(lesson)
        return (markup, problems.map { "\($0.location.line): \($0.message)" })
    }

    let wellFormed = """

        ```{swift}
        //| exercise: mean
        //| points: 3
        func mean(_ xs: [Double]) -> Double {
            // BEGIN SOLUTION
            xs.reduce(0, +) / Double(xs.count)
            // END SOLUTION
        }
        ```

        ```{swift}
        //| test: mean
        //| points: 1
        check(mean([1, 2, 3]), approximatelyEquals: 2)
        ```

        ```{swift}
        //| test: mean
        //| points: 2
        // BEGIN HIDDEN TESTS
        check(mean([-1, 1]), approximatelyEquals: 0)
        // END HIDDEN TESTS
        ```

        ```{swift}
        //| exercise: explain
        //| manual: true
        //| points: 2
        // Explain why the mean minimises squared error.
        ```

        """

    @Test func readsExercisesTestsAndRegions() throws {
        let (markup, problems) = try markup(wellFormed)
        #expect(problems.isEmpty)
        #expect(markup.exercises.map(\.id) == ["mean", "explain"])
        #expect(markup.exercises[0].solutionRegions == [LineRange(9, 11)])
        #expect(markup.exercises[1].isManual)
        #expect(markup.tests.map(\.points) == [1, 2])
        #expect(markup.tests[1].hiddenRegions == [LineRange(24, 26)])
        #expect(markup.totalPoints == 5)
    }

    @Test func exercisePointsDefaultToTheSumOfItsTests() throws {
        let text = wellFormed.replacingOccurrences(of: "//| exercise: mean\n//| points: 3\n", with: "//| exercise: mean\n")
        #expect(try markup(text).0.exercises[0].points == 3)
    }

    @Test(arguments: [
        ("//| points: 3\n", "//| points: 4\n", "5: points do not add up: exercise 'mean' is worth 4 but its test cells give 3"),
        ("    // END SOLUTION\n", "", "9: '// BEGIN SOLUTION' is never closed in this cell"),
        ("    // BEGIN SOLUTION\n", "", "10: '// END SOLUTION' has no matching '// BEGIN SOLUTION'"),
        ("//| test: mean\n//| points: 2\n", "//| test: median\n//| points: 2\n", "21: test cell grades unknown exercise 'median'"),
        ("//| test: mean\n//| points: 1\n", "//| test: mean\n", "15: test cell of 'mean' needs `//| points:`"),
        ("// BEGIN HIDDEN TESTS\ncheck(mean([-1, 1])", "// BEGIN HIDDEN TESTS\n// BEGIN HIDDEN TESTS\ncheck(mean([-1, 1])", "25: '// BEGIN HIDDEN TESTS' inside the region opened at line 24; regions cannot nest"),
    ])
    func reportsBadMarkupWithItsLine(original: String, replacement: String, expected: String) throws {
        let text = wellFormed.replacingOccurrences(of: original, with: replacement, count: 1)
        let problems = try markup(text).1
        #expect(problems.contains(expected), "got \(problems)")
    }

    @Test func markersOutsideGradedCellsAreErrors() throws {
        let problems = try markup("\n```{swift}\n// BEGIN SOLUTION\nlet x = 1\n// END SOLUTION\n```\n").1
        #expect(problems == ["6: grading markers belong in exercise and test cells"])
    }

    @Test func exercisesNeedTestsOrManualGrading() throws {
        let problems = try markup("\n```{swift}\n//| exercise: lonely\n// BEGIN SOLUTION\nlet x = 1\n// END SOLUTION\n```\n").1
        #expect(problems == ["5: no test cell grades exercise 'lonely' (add a cell with `//| test: lonely`)"])
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String, count: Int = .max) -> String {
        var result = ""
        var rest = self[...]
        var replaced = 0
        while replaced < count, let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
            replaced += 1
        }
        return result + rest
    }
}
