/// The result of one test cell for one submission.
public struct TestResult: Sendable, Equatable, Codable {
    public var exerciseId: String
    /// The test cell's id.
    public var testId: String
    /// Whether the cell holds hidden tests (their code is never shown to students).
    public var isHidden: Bool
    public var points: Double
    public var maxPoints: Double
    /// Why points were lost (empty when the test passed).
    public var message: String

    /// Creates a result.
    public init(exerciseId: String, testId: String, isHidden: Bool, points: Double, maxPoints: Double, message: String) {
        self.exerciseId = exerciseId
        self.testId = testId
        self.isHidden = isHidden
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
    }

    /// Whether the test passed.
    public var passed: Bool { message.isEmpty }
}
