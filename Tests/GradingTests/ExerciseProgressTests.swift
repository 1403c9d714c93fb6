import Grading
import LessonModel
import LessonParsing
import Testing

/// Where each exercise stands after a run, from the outputs alone.
@Suite struct ExerciseProgressTests {
    static let copy = """
        ---
        title: T
        ---

        ```{swift}
        //| exercise: double
        func double(_ x: Double) -> Double {
            // YOUR CODE HERE
            fatalError("not implemented yet")
        }
        ```

        ```{swift}
        //| test: double
        //| points: 1
        check(double(2), approximatelyEquals: 4)
        // HIDDEN TESTS: run when graded
        ```

        ```{swift}
        //| exercise: triple
        func triple(_ x: Double) -> Double { 2 * x }
        ```

        ```{swift}
        //| test: triple
        //| points: 2
        check(triple(2), approximatelyEquals: 6)
        ```

        ```{swift}
        //| test: triple
        //| points: 3
        check(triple(double(1)) > 0)
        ```

        """

    @Test func stubsAreNotDoneFailuresAreFailuresAndPointsAreVisibleOrLater() throws {
        let lesson = try #require(LessonParser.parse(Array(Self.copy.utf8), displayPath: "Lessons/t.md").0)
        let markup = GradingMarkupParser.parse(lesson).0
        let at = { (line: Int) in SourceLocation(file: "Lessons/t.md", line: line) }
        let outputs = [
            CellOutput(outcome: .succeeded),
            CellOutput(outcome: .failed(message: "cell 'cell-2' crashed: Fatal error: not implemented yet", location: at(9), isFatal: true)),
            CellOutput(outcome: .succeeded),
            CellOutput(outcome: .failed(message: "check failed: expected 6, got 4", location: at(25), isFatal: false)),
            // The trap is in `double`'s cell: this test needs that exercise.
            CellOutput(outcome: .failed(message: "cell 'cell-5' crashed: Fatal error: not implemented yet", location: at(9), isFatal: true)),
        ]
        let progress = ExerciseProgress.assess(lesson, markup: markup, outputs: outputs)
        #expect(progress.map(\.id) == ["double", "triple"])
        #expect(progress[0].state == .notDone)
        #expect(progress[0].summary == "not done yet")
        #expect((progress[0].visiblePoints, progress[0].laterPoints) == (0, 1), "a cell with hidden tests is graded later")
        #expect(progress[1].state == .fails("test 1, line 25: check failed: expected 6, got 4"))
        #expect((progress[1].visiblePoints, progress[1].earnedPoints) == (5, 0))
        // Once `double` is done, the second test of `triple` still says it fails first.
        var fixed = outputs
        fixed[3] = CellOutput(outcome: .succeeded)
        let later = ExerciseProgress.assess(lesson, markup: markup, outputs: fixed)
        #expect(later[1].state == .needs("double"))
        #expect(later[1].summary == "not checked yet: it needs exercise 'double', which is not done yet")
        #expect(later[1].earnedPoints == 2)
    }
}
