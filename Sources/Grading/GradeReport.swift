/// The grade of one submission of one lesson.
public struct GradeReport: Sendable, Codable, Equatable {
    public var student: String
    public var lesson: String
    /// SHA-256 of the submission's bytes.
    public var contentHash: String
    /// Fingerprint of what graded it (instructor lesson, toolchain, LessonKit); a change re-grades.
    public var testsHash: String
    public var results: [TestResult]
    /// Locked cells the student changed.
    public var tampering: [String]
    /// Exercises that did not compile or crashed, with the reason (their tests got 0).
    public var exerciseFailures: [String: String]
    /// The student's code of each exercise, by id (shown in feedback).
    public var exerciseCode: [String: String]
    /// Whether the code ran inside the bubblewrap sandbox.
    public var sandboxed: Bool
    /// How often the student's program ran (once, and once more per exercise that stopped it).
    public var submissionRuns = 0
    /// How often the checker ran (once per submission, whatever the submission sent).
    public var checkerRuns = 0

    /// Creates a report.
    public init(
        student: String, lesson: String, contentHash: String, testsHash: String, results: [TestResult],
        tampering: [String], exerciseFailures: [String: String], exerciseCode: [String: String], sandboxed: Bool
    ) {
        self.student = student
        self.lesson = lesson
        self.contentHash = contentHash
        self.testsHash = testsHash
        self.results = results
        self.tampering = tampering
        self.exerciseFailures = exerciseFailures
        self.exerciseCode = exerciseCode
        self.sandboxed = sandboxed
    }

    public var points: Double { results.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { results.reduce(0) { $0 + $1.maxPoints } }
}
