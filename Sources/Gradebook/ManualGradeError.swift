/// Why a change to hand-given grades was refused; nothing is written then.
public enum ManualGradeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Someone changed an answer since the grader saw it: these are the answers as they are now.
    case conflict(current: [ManualGrade])
    /// No rubric item of that id belongs to the exercise.
    case unknownItem(id: Int64, lesson: String, exercise: String)

    public var description: String {
        switch self {
        case .conflict(let current):
            let names = current.map(\.student).joined(separator: ", ")
            return "changed by someone else since you opened it (\(names)); the current state is shown, nothing was "
                + "overwritten: make your change again"
        case .unknownItem(let id, let lesson, let exercise):
            return "exercise '\(exercise)' of '\(lesson)' has no rubric item \(id)"
        }
    }
}
