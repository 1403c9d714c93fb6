import LessonRuntimeProtocol

/// Hidden tests: a check in a test cell that holds hidden tests says that it failed and where, and nothing else.
///
/// When `lessons grade` judges a submission, it tells the checker which test cells hold hidden tests
/// (``RuntimeEnvironment/hiddenCells``). In those cells ``checkEqual(_:_:_:file:line:)`` and
/// ``check(_:approximatelyEquals:tolerance:relative:_:file:line:)`` report `check failed` without the expected
/// value, the value received or the label (which may name them), so an author need not remember to keep a hidden
/// test's values out of its messages. Everywhere else (`lessons run`, visible tests) checks report in full.
extension LessonRuntime {
    /// Whether the running cell is a test cell with hidden tests, being graded.
    public static var isInHiddenTestCell: Bool { state.withLock { $0.inHiddenCell } }

    /// The hidden test cells named in `environment` (an index list such as `3,7`; anything else is ignored).
    static func hiddenCells(in environment: [String: String]) -> Set<Int> {
        Set((environment[RuntimeEnvironment.hiddenCells] ?? "").split(separator: ",").compactMap { Int($0) })
    }
}
