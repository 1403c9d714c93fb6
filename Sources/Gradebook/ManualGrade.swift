/// The hand-given grade of one student's answer to one manual exercise: rubric items, an adjustment and a comment.
///
/// `points = min(max(Σ items + adjustment, 0), maximum)`; a score typed directly sets the adjustment so that the
/// sum is that score. `version` counts the changes (0: never graded), for optimistic concurrency: a change names
/// the version it was made on, and is refused when the answer has changed since.
public struct ManualGrade: Sendable, Equatable, Codable {
    public var student: String
    public var lesson: String
    public var exerciseId: String
    public var points: Double
    public var adjustment: Double
    public var comment: String
    /// Ids of the rubric items applied, ascending.
    public var items: [Int64]
    public var version: Int

    /// An answer not graded yet (version 0).
    public init(student: String, lesson: String, exerciseId: String) {
        self.student = student
        self.lesson = lesson
        self.exerciseId = exerciseId
        points = 0
        adjustment = 0
        comment = ""
        items = []
        version = 0
    }

    /// Whether a person has graded it.
    public var isGraded: Bool { version > 0 }
}
