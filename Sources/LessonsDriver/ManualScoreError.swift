/// Why `lessons grades set` refused a score: what is wrong and what to do.
public enum ManualScoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The lesson has no exercise of that id.
    case unknownExercise(lesson: String, exercise: String, known: [String])
    /// The exercise is graded by its tests, not by hand.
    case autoGraded(lesson: String, exercise: String)
    /// The points are not a finite number between 0 and the exercise's maximum.
    case points(value: Double, maximum: Double, lesson: String, exercise: String)
    /// The points typed are not a number at all ("abc").
    case notANumber(text: String, maximum: Double, lesson: String, exercise: String)
    /// The student is not in the gradebook and `--new-student` was not given.
    case unknownStudent(student: String, gradebook: String)
    /// The lesson does not parse.
    case unreadableLesson(lesson: String)

    public var description: String {
        switch self {
        case .unknownExercise(let lesson, let exercise, let known):
            return "lesson '\(lesson)' has no exercise '\(exercise)'"
                + (known.isEmpty ? " (it has no exercises)" : " (its manual exercises: \(known.joined(separator: ", ")))")
        case .autoGraded(let lesson, let exercise):
            return "exercise '\(exercise)' of '\(lesson)' is auto-graded: its points come from `lessons grade`; "
                + "only exercises with `//| manual: true` take scores by hand"
        case .points(let value, let maximum, let lesson, let exercise):
            return "--points must be a number at least 0 and at most \(format(maximum)) (the points of exercise "
                + "'\(exercise)' of '\(lesson)'), not \(format(value))"
        case .notANumber(let text, let maximum, let lesson, let exercise):
            return "--points must be a number at least 0 and at most \(format(maximum)) (the points of exercise "
                + "'\(exercise)' of '\(lesson)'), not '\(text)'"
        case .unknownStudent(let student, let gradebook):
            return "no student '\(student)' in \(gradebook) (students are added by `lessons grade`; pass --new-student "
                + "to add one by hand)"
        case .unreadableLesson(let lesson):
            return "\(lesson): the lesson does not parse; run `lessons check \(lesson)`"
        }
    }

    private func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
