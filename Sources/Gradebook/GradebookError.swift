/// Why a gradebook cannot be used, said with its path.
public enum GradebookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A command that only reads (or adds to) grades was pointed at a file that does not exist.
    case missing(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no such gradebook (`lessons grade` creates one; check the name passed to --gradebook)"
        }
    }
}
