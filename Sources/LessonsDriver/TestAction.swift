public import Foundation
import Grading
import LessonExecution
import LessonFingerprint
import LessonModel
import LessonParsing

/// `lessons test`: runs the visible tests of a student's copy, for one exercise or all of them, and says how many
/// points they earn of how many possible (as Otter's `grader.check("q2")` and `check_all()` do).
///
/// Steps: read and parse the lesson, find its exercises, run its cells up to the last test of the exercises asked
/// for (keeping going past a failing cell, as `lessons run` does on a copy), judge each exercise
/// (``ExerciseProgress``), print. Writes nothing. Hidden tests are not in a student's copy: their points, and
/// those of written answers, are "graded later".
public struct TestAction: Sendable {
    /// The course the lesson belongs to (or the student's folder holding `Lessons/`).
    public let layout: ProjectLayout
    /// How to run the cells (the per-cell timeout).
    public let options: RunOptions
    /// The exercise to test; nil: every exercise.
    public let exercise: String?

    /// Creates the action.
    public init(layout: ProjectLayout, options: RunOptions, exercise: String?) {
        self.layout = layout
        self.options = options
        self.exercise = exercise
    }

    /// Tests `file`; returns the exit code: 0 when every visible test that ran passed, else 1.
    public func run(_ file: URL) -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        let displayPath = layout.displayPath(of: file)
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            say("\(displayPath):1:1: error: cannot read the lesson file")
            return 1
        }
        let (parsed, problems) = LessonParser.parse(bytes, displayPath: displayPath)
        problems.forEach { say($0.description) }
        guard var lesson = parsed else { return 1 }
        let markup = GradingMarkupParser.parse(lesson).0
        guard !markup.exercises.isEmpty else {
            say("\(displayPath):1:1: error: the lesson has no exercises (cells with `//| exercise: <id>`) to test")
            return 1
        }
        var chosen = markup.exercises
        if let exercise {
            chosen = markup.exercises.filter { $0.id == exercise }
            guard !chosen.isEmpty else {
                say("\(displayPath):1:1: error: no exercise '\(exercise)' in this lesson; its exercises are "
                    + markup.exercises.map { "'\($0.id)'" }.joined(separator: ", "))
                return 1
            }
        }
        // Only the cells the chosen exercises' tests need: everything up to the last of them.
        let last = chosen.flatMap { [$0.cellIndex] + markup.tests(of: $0.id).map(\.cellIndex) }.max()!
        lesson.cells = Array(lesson.cells.prefix(last + 1))
        lesson.inlineExpressions = []

        let outputs: [CellOutput]
        do {
            let environment = try RunEnvironment.prepare(
                layout: layout, options: options, reporter: ProgressReporter(total: 1))
            var executor = try environment.executor()
            LessonPipeline.keepGoing(&executor, markup: markup)
            outputs = try executor.execute(lesson, seed: Fingerprint.seed(for: lesson)).cells
        } catch {
            say("\(displayPath):1:1: error: \(error)")
            return 1
        }
        var cut = markup
        cut.exercises = chosen
        let progress = ExerciseProgress.assess(lesson, markup: cut, outputs: outputs)
        print(Self.report(progress, displayPath: displayPath), terminator: "")
        // Cells outside the exercises that failed (a locked cell, say) are reported with their lines.
        let exerciseCells = Set(markup.exercises.map(\.cellIndex) + markup.tests.map(\.cellIndex))
        for (cell, output) in zip(lesson.cells, outputs) where !exerciseCells.contains(cell.index) {
            if case .failed(let message, let location, _) = output.outcome, !ExerciseProgress.isStubTrap(output.outcome) {
                say("\(location): error: \(message)")
            }
        }
        return progress.allSatisfy(\.state.isFine) ? 0 : 1
    }

    /// The lines printed: one per exercise, then the total.
    static func report(_ progress: [ExerciseProgress], displayPath: String) -> String {
        var text = ""
        for exercise in progress {
            var line = "\(displayPath): exercise '\(exercise.id)': \(exercise.summary)"
            if exercise.state != .written {
                line += "; \(number(exercise.earnedPoints)) of \(number(exercise.visiblePoints)) visible "
                    + (exercise.visiblePoints == 1 ? "point" : "points")
            }
            if exercise.laterPoints > 0 { line += "; \(points(exercise.laterPoints)) graded later" }
            text += line + "\n"
        }
        let earned = progress.reduce(0) { $0 + $1.earnedPoints }
        let possible = progress.reduce(0) { $0 + $1.visiblePoints }
        let later = progress.reduce(0) { $0 + $1.laterPoints }
        text += "\(displayPath): visible tests earn \(number(earned)) of \(points(possible))"
        text += later > 0 ? "; \(points(later)) are graded later (hidden tests and written answers)\n" : "\n"
        return text
    }

    /// "1 point", "2.5 points".
    private static func points(_ value: Double) -> String {
        value == 1 ? "\(number(value)) point" : "\(number(value)) points"
    }

    /// "2", "2.5".
    private static func number(_ value: Double) -> String { String(format: "%g", value) }
}
