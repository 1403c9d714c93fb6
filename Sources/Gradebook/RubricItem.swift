/// A rubric item of one manual exercise: points (positive or negative) and what earns them, reused across students.
public struct RubricItem: Sendable, Equatable, Codable {
    public var id: Int64
    public var lesson: String
    public var exerciseId: String
    /// Its place in the exercise's list (1 is the first; the keyboard's digits follow it).
    public var position: Int
    public var points: Double
    public var description: String
}
