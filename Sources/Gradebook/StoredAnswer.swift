public import Grading

/// One student's graded answer to one exercise, as the gradebook holds it: the code, why it could not be used,
/// the results of its tests, and the submission's tampering flags.
public struct StoredAnswer: Sendable, Equatable {
    public var student: String
    public var lesson: String
    public var exerciseId: String
    /// The student's lines of the exercise cell (empty when the submission has no such cell).
    public var code: String
    /// Why the code could not be used (does not compile, crashed), if so.
    public var failure: String?
    /// The exercise's tests, in lesson order.
    public var tests: [TestResult]
    /// Locked cells and options the student changed (for the whole submission).
    public var tampering: [String]
}
