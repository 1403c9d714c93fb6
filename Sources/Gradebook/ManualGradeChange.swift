/// One change a grader makes to answers (the same change to each member of an answer group).
public enum ManualGradeChange: Sendable, Equatable {
    /// A score typed directly (already checked against the exercise): the adjustment becomes `score − Σ items`.
    case points(Double)
    /// Points added to (or, negative, taken from) the sum of the rubric items.
    case adjustment(Double)
    /// The free comment.
    case comment(String)
    /// A rubric item applied (`true`) or taken off.
    case item(Int64, applied: Bool)

    /// The audit's name of the change.
    var name: String {
        switch self {
        case .points: "points"
        case .adjustment: "adjustment"
        case .comment: "comment"
        case .item(let id, let applied): "rubric item \(id) \(applied ? "applied" : "removed")"
        }
    }
}
