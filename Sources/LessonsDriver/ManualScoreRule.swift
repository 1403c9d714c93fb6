public import Grading
import LessonModel

/// What a score given by hand must be, checked in one place for `lessons grades set` and `lessons grades serve`:
/// the exercise exists in the lesson and is manual, and the points are a finite number from 0 to its points.
public enum ManualScoreRule {
    /// The manual exercise `exercise` of `lesson` (its name) when `points` may be given to it.
    /// - Throws: ``ManualScoreError`` saying what is wrong.
    @discardableResult
    public static func check(
        points: Double, exercise: String, lesson: String, exercises: [GradingMarkup.Exercise]
    ) throws -> GradingMarkup.Exercise {
        let target = try manualExercise(exercise, lesson: lesson, exercises: exercises)
        guard points.isFinite, points >= 0, points <= target.points else {
            throw ManualScoreError.points(value: points, maximum: target.points, lesson: lesson, exercise: exercise)
        }
        return target
    }

    /// `text` (as typed into a form) as points for `exercise`, checked as ``check(points:exercise:lesson:exercises:)``.
    /// - Throws: ``ManualScoreError/notANumber(text:maximum:lesson:exercise:)`` for "abc", "", "1,5".
    public static func check(
        text: String, exercise: String, lesson: String, exercises: [GradingMarkup.Exercise]
    ) throws -> Double {
        let target = try manualExercise(exercise, lesson: lesson, exercises: exercises)
        let trimmed = Substring(text).trimmingWhitespace()
        guard let points = Double(trimmed), !trimmed.isEmpty else {
            throw ManualScoreError.notANumber(text: text, maximum: target.points, lesson: lesson, exercise: exercise)
        }
        try check(points: points, exercise: exercise, lesson: lesson, exercises: exercises)
        return points
    }

    /// The manual exercise of that id.
    /// - Throws: ``ManualScoreError/unknownExercise(lesson:exercise:known:)``, ``ManualScoreError/autoGraded(lesson:exercise:)``.
    public static func manualExercise(
        _ exercise: String, lesson: String, exercises: [GradingMarkup.Exercise]
    ) throws -> GradingMarkup.Exercise {
        guard let target = exercises.first(where: { $0.id == exercise }) else {
            throw ManualScoreError.unknownExercise(
                lesson: lesson, exercise: exercise, known: exercises.filter(\.isManual).map(\.id))
        }
        guard target.isManual else { throw ManualScoreError.autoGraded(lesson: lesson, exercise: exercise) }
        return target
    }
}
