public import LessonModel

/// Scores test cells from their outputs: a pure function of the cell's outcome.
///
/// A test cell that ran to its end with no failed check gets its points (times the partial credit it
/// reported, if any: a reported 0 is 0); anything else (a failed check, a
/// trap, a timeout, a compile error, not run) gets 0 with the reason. Standard error output never costs points.
/// A hidden test's reason is only ever one of ``HiddenTestReason``'s sentences: its name, points and whether it
/// passed are all it reveals.
public enum Scoring {
    /// The results of every test cell of `markup`, in lesson order.
    /// - Parameter exerciseFailures: for each exercise whose student code was replaced by its stub, why.
    /// - Parameter lines: the student's file, so that messages name its lines (nil: the instructor's lesson's).
    public static func results(
        markup: GradingMarkup, lesson: Lesson, outputs: [CellOutput], exerciseFailures: [String: String],
        lines: StudentLines? = nil
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
                if let lines {
                    let place = lines.location(location).map { " (\($0))" } ?? ""
                    message = lines.rewrite(failure) + place
                } else {
                    message = "\(failure) (\(location))"
                }
            case .notRun(let reason):
                message = reason
            }
            if !message.isEmpty, let broken = exerciseFailures[test.exerciseId] {
                message = "exercise '\(test.exerciseId)' could not be used: \(broken)"
            }
            let isHidden = !test.hiddenRegions.isEmpty
            var detail = ""
            if isHidden {
                detail = outputs[test.cellIndex].items.compactMap { item -> String? in
                    if case .error(let text) = item { text } else { nil }
                }.last ?? message
                message = hiddenMessage(
                    outputs[test.cellIndex].outcome, exerciseFailed: exerciseFailures[test.exerciseId] != nil)
            }
            var points = message.isEmpty ? test.points : 0
            // Partial credit: the cell reported a fraction of its points (0 is 0, never full marks).
            if message.isEmpty, let credit = outputs[test.cellIndex].credit, credit < 1 {
                points = test.points * credit
                message = "partial credit: \(Int((credit * 100).rounded()))% of the points"
            }
            var result = TestResult(
                exerciseId: test.exerciseId, testId: cell.id, isHidden: isHidden,
                points: points, maxPoints: test.points, message: message)
            if !result.passed { result.instructorDetail = detail }
            return result
        }
    }

    /// A hidden test's message: empty when it passed, else one of ``HiddenTestReason``'s fixed sentences, whatever
    /// text the outcome holds (the checker's messages, traps and compiler diagnostics may quote hidden values).
    static func hiddenMessage(_ outcome: CellOutcome, exerciseFailed: Bool) -> String {
        switch outcome {
        case .succeeded:
            return ""
        case .failedAsExpected:
            return "the test cell is marked `error: true`"
        case .failed(let failure, _, _):
            if exerciseFailed { return HiddenTestReason.exerciseUnusable.rawValue }
            return (HiddenTestReason(rawValue: failure) ?? .checkFailed).rawValue
        case .notRun(let reason):
            if exerciseFailed { return HiddenTestReason.exerciseUnusable.rawValue }
            return (HiddenTestReason(rawValue: reason) ?? .notRun).rawValue
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
