/// How a cell's run ended.
public enum CellOutcome: Hashable, Sendable {
    /// Ran to its end.
    case succeeded
    /// An `error: true` cell failed, as it was meant to.
    case failedAsExpected
    /// Failed; the message says how and `location` where (the cell's line, or the exact line when known).
    /// `isFatal` failures stop the lesson: later cells are not run.
    case failed(message: String, location: SourceLocation, isFatal: Bool)
    /// Did not run; the reason names the cell that stopped the lesson.
    case notRun(reason: String)

    /// The status recorded in the output marker.
    public var markerStatus: OutputMarker.Status {
        switch self {
        case .succeeded, .failedAsExpected: .ok
        case .failed: .failed
        case .notRun: .notRun
        }
    }

    /// Whether this outcome makes `lessons run` fail.
    public var isFailure: Bool {
        switch self {
        case .succeeded, .failedAsExpected: false
        case .failed, .notRun: true
        }
    }
}
