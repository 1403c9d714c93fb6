/// In the checker, the error the student's code threw in a probe written inside `try`, as the submission
/// described it (`String(describing: error)`). `"\(error)"` reads the same as in the student's program; a `catch`
/// with a pattern of the exercise's error type cannot match it (`lessons grade` refuses such a test).
public struct ReplayedError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What the student's error printed as.
    public var description: String

    /// Creates the error with the submission's text.
    public init(description: String) {
        self.description = description
    }
}
