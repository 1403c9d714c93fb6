public import LessonModel

/// Scores test cells from their outputs: a pure function of the cell's outcome.
///
/// A test cell that ran to its end with no failed check gets its points (times the partial credit it
/// reported, if any: a reported 0 is 0); anything else (a failed check, a
/// trap, a timeout, a compile error, not run) gets 0 with the reason. Standard error output never costs points.
public enum Scoring {
    /// The results of every test cell of `markup`, in lesson order.
    /// - Parameter exerciseFailures: for each exercise whose student code was replaced by its stub, why.
    public static func results(
        markup: GradingMarkup, lesson: Lesson, outputs: [CellOutput], exerciseFailures: [String: String]
    ) -> [TestResult] {
        markup.tests.map { test in
            let cell = lesson.cells[test.cellIndex]
            var message = ""
            switch outputs[test.cellIndex].outcome {
            case .succeeded:
                break
            case .failedAsExpected:
                message = "the test cell is marked `error: true`"
            case .failed(let failure, let location, _):
                message = "\(failure) (\(location))"
            case .notRun(let reason):
                message = reason
            }
            if !message.isEmpty, let broken = exerciseFailures[test.exerciseId] {
                message = "exercise '\(test.exerciseId)' could not be used: \(broken)"
            }
            var points = message.isEmpty ? test.points : 0
            // Partial credit: the cell reported a fraction of its points (0 is 0, never full marks).
            if message.isEmpty, let credit = outputs[test.cellIndex].credit, credit < 1 {
                points = test.points * credit
                message = "partial credit: \(Int((credit * 100).rounded()))% of the points"
            }
            return TestResult(
                exerciseId: test.exerciseId, testId: cell.id, isHidden: !test.hiddenRegions.isEmpty,
                points: points, maxPoints: test.points, message: message)
        }
    }

    /// Every test cell at 0 points with `reason` (a submission that cannot be read).
    public static func zero(markup: GradingMarkup, lesson: Lesson, reason: String) -> [TestResult] {
        markup.tests.map { test in
            TestResult(
                exerciseId: test.exerciseId, testId: lesson.cells[test.cellIndex].id, isHidden: !test.hiddenRegions.isEmpty,
                points: 0, maxPoints: test.points, message: reason)
        }
    }
}
