public import LessonModel

/// How far a student is with one exercise, as a run of their copy shows it (Otter's `grader.check`): solved with
/// its visible tests passing, a visible test failing, or not done yet.
///
/// A pure function of the lesson, its grading markup and the outputs of one run (``assess(_:markup:outputs:)``).
/// Points count visible tests only: a test cell whose hidden part was removed from the copy (it holds
/// ``StudentCopy/hiddenTestsNote``) and a written answer are "graded later".
public struct ExerciseProgress: Sendable, Equatable {
    /// Where the exercise stands.
    public enum State: Sendable, Equatable {
        /// Ran, and every visible test of it passed.
        case passes
        /// Ran, and it has no visible test: everything about it is graded later.
        case noVisibleTests
        /// A visible test failed: which one, and its message.
        case fails(String)
        /// Its stub still traps with "not implemented yet".
        case notDone
        /// Its tests need another exercise (named) that is not done yet.
        case needs(String)
        /// The exercise cell does not compile: the compiler's message.
        case doesNotCompile(String)
        /// Its cells did not run: why.
        case notRun(String)
        /// A written answer, graded by hand.
        case written

        /// Whether nothing about the exercise failed in this run.
        public var isFine: Bool {
            switch self {
            case .passes, .noVisibleTests, .written: true
            default: false
            }
        }
    }

    /// The exercise's id.
    public var id: String
    /// Where it stands.
    public var state: State
    /// Points of its visible test cells.
    public var visiblePoints: Double
    /// Of ``visiblePoints``, those whose test cell passed.
    public var earnedPoints: Double
    /// Points decided when the instructor grades: hidden tests and written answers.
    public var laterPoints: Double

    /// The state in words, for a summary line.
    public var summary: String {
        switch state {
        case .passes: "solved, visible tests pass"
        case .noVisibleTests: "ran; it has no visible tests (graded later)"
        case .fails(let message): "visible test fails (\(message))"
        case .notDone: "not done yet"
        case .needs(let other): "not checked yet: it needs exercise '\(other)', which is not done yet"
        case .doesNotCompile(let message): "does not compile (\(message))"
        case .notRun(let reason): "not run (\(reason))"
        case .written: "written answer, graded by hand"
        }
    }

    /// Whether `outcome` is the trap of a stub that was not replaced yet.
    public static func isStubTrap(_ outcome: CellOutcome) -> Bool {
        if case .failed(let message, _, _) = outcome { return message.contains(SolutionStub.trapMessage) }
        return false
    }

    /// Whether a cell holds code (not only options and comments).
    public static func hasCode(_ cell: CodeCell) -> Bool {
        cell.source.split(separator: "\n").contains { line in
            let text = line.trimmingWhitespace()
            return !text.isEmpty && !text.hasPrefix("//")
        }
    }

    /// Whether a test cell of a student copy had hidden tests (they run only when graded).
    public static func hasHiddenTests(_ cell: CodeCell) -> Bool {
        cell.source.split(separator: "\n").contains { $0.trimmingWhitespace() == StudentCopy.hiddenTestsNote }
    }

    /// The progress of every exercise of `lesson` after a run that gave `outputs` (one per cell, in order).
    public static func assess(_ lesson: Lesson, markup: GradingMarkup, outputs: [CellOutput]) -> [ExerciseProgress] {
        // The exercise a stub's trap belongs to: the one whose cell holds the trap's line.
        func owner(of outcome: CellOutcome, default fallback: String) -> String {
            guard case .failed(_, let location, _) = outcome else { return fallback }
            let trapped = markup.exercises.first { exercise in
                let cell = lesson.cells[exercise.cellIndex]
                return location.line > cell.openingFenceLine && location.line < cell.closingFenceLine
            }
            return trapped?.id ?? fallback
        }
        func stubState(_ outcome: CellOutcome, exercise: String) -> State {
            let trapped = owner(of: outcome, default: exercise)
            return trapped == exercise ? .notDone : .needs(trapped)
        }
        return markup.exercises.map { exercise in
            let tests = markup.tests(of: exercise.id)
            if exercise.isManual {
                return ExerciseProgress(
                    id: exercise.id, state: .written, visiblePoints: 0, earnedPoints: 0, laterPoints: exercise.points)
            }
            var progress = ExerciseProgress(id: exercise.id, state: .passes, visiblePoints: 0, earnedPoints: 0, laterPoints: 0)
            var states: [State] = []
            let own = outputs[exercise.cellIndex].outcome
            if isStubTrap(own) {
                states.append(stubState(own, exercise: exercise.id))
            } else if case .failed(let message, let location, _) = own {
                let detail = "line \(location.line): \(Self.shortened(message))"
                states.append(message.contains("does not compile") ? .doesNotCompile(detail) : .fails(detail))
            } else if case .notRun(let reason) = own {
                states.append(.notRun(reason))
            }
            var visibleTests = 0
            for (position, test) in tests.enumerated() {
                let cell = lesson.cells[test.cellIndex]
                let outcome = outputs[test.cellIndex].outcome
                let later = hasHiddenTests(cell) || !hasCode(cell)
                if later { progress.laterPoints += test.points } else { progress.visiblePoints += test.points }
                guard hasCode(cell) else { continue }
                visibleTests += 1
                switch outcome {
                case .succeeded, .failedAsExpected:
                    if !later { progress.earnedPoints += test.points }
                case .failed(let message, let location, _):
                    states.append(isStubTrap(outcome)
                        ? stubState(outcome, exercise: exercise.id)
                        : .fails("test \(position + 1), line \(location.line): \(Self.shortened(message))"))
                case .notRun(let reason):
                    states.append(.notRun(reason))
                }
            }
            progress.state = Self.first(of: states) ?? (visibleTests == 0 ? .noVisibleTests : .passes)
            return progress
        }
    }

    /// The state that says most about the exercise itself: not done, a compile error, a failing test, then another
    /// exercise it needs, cells not run.
    private static func first(of states: [State]) -> State? {
        let rank = { (state: State) -> Int in
            switch state {
            case .notDone: 0
            case .doesNotCompile: 1
            case .fails: 2
            case .needs: 3
            case .notRun: 4
            default: 5
            }
        }
        return states.min { rank($0) < rank($1) }
    }

    /// A failure message without the runner's "cell 'x' crashed: " preamble, which names a cell the student never
    /// named.
    static func shortened(_ message: String) -> String {
        guard message.hasPrefix("cell '"), let close = message.range(of: "' ") else { return message }
        var rest = message[close.upperBound...]
        for verb in ["crashed: ", "does not compile: ", "failed: "] where rest.hasPrefix(verb) {
            rest = rest.dropFirst(verb.count)
            return String(rest)
        }
        return message
    }
}
