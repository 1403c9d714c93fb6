/// The result of one test cell for one submission.
public struct TestResult: Sendable, Equatable, Codable {
    public var exerciseId: String
    /// The test cell's id.
    public var testId: String
    /// Whether the cell holds hidden tests (their code is never shown to students).
    public var isHidden: Bool
    public var points: Double
    public var maxPoints: Double
    /// Why points were lost (empty when the test passed); for a hidden test, one of ``HiddenTestReason``'s sentences.
    public var message: String
    /// A hidden test's failure in full (the checker's message and where), for the instructor's terminal when their
    /// own solution fails; empty otherwise. Never encoded, stored in the gradebook or shown to a student.
    public var instructorDetail = ""

    /// Creates a result.
    public init(exerciseId: String, testId: String, isHidden: Bool, points: Double, maxPoints: Double, message: String) {
        self.exerciseId = exerciseId
        self.testId = testId
        self.isHidden = isHidden
        self.points = points
        self.maxPoints = maxPoints
        self.message = message
    }

    /// Everything but ``instructorDetail``.
    private enum CodingKeys: String, CodingKey {
        case exerciseId, testId, isHidden, points, maxPoints, message
    }

    /// Whether the test passed.
    public var passed: Bool { message.isEmpty }
}
