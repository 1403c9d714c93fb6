/// Why `lessons grades merge` refuses to merge.
public enum MergeError: Error, CustomStringConvertible, Sendable {
    /// Two gradebooks graded `lesson` with different tests (another instructor lesson, toolchain or LessonKit).
    case differentTests(lesson: String, String, String)

    public var description: String {
        switch self {
        case .differentTests(let lesson, let first, let second):
            "\(first) and \(second) graded \(lesson) with different tests (another version of the lesson, the toolchain "
                + "or LessonKit): their grades cannot be merged; grade again with the same lesson (merging nothing)"
        }
    }
}
