/// Problems that stop a lesson from running at all (as opposed to a cell failing).
public enum ExecutionError: Error, Equatable, CustomStringConvertible {
    /// A program could not be started.
    case cannotStart(String, String)
    /// The Swift compiler was not found.
    case compilerNotFound(searched: [String])
    /// LessonKit's built module or library is not next to the runner.
    case lessonKitNotFound(String)
    /// A file system operation failed.
    case fileSystem(String)
    /// The compiler found is not the one LessonKit was built with (``LessonKitLocation/toolchainProblem(_:)``).
    case toolchainMismatch(String)
    /// A submission's compiles used up their CPU-time budget (seconds).
    case compileBudgetExhausted(Double)

    public var description: String {
        switch self {
        case .cannotStart(let executable, let reason):
            "cannot start \(executable): \(reason)"
        case .compilerNotFound(let searched):
            "the Swift compiler 'swiftc' was not found (looked in \(searched.joined(separator: ", "))); "
                + "install Swift or set LESSONS_SWIFTC to its path"
        case .lessonKitNotFound(let details):
            details
        case .fileSystem(let message):
            message
        case .toolchainMismatch(let message):
            message
        case .compileBudgetExhausted(let seconds):
            "compiling the submission used up its budget of \(Int(seconds)) s of CPU time and 2 GB of memory"
        }
    }
}
