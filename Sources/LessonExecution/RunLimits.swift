/// Limits for one lesson run: per-cell wall time and the process's resources.
public struct RunLimits: Sendable, Equatable {
    /// Per-cell timeout in seconds when neither the cell nor the lesson sets one.
    public var defaultCellTimeout: Double = 60
    /// Address space of the lesson process, bytes.
    public var memoryBytes: Int = 4 << 30
    /// Largest file the process may write (each cell's captured output is one file), bytes.
    public var outputBytes: Int = 64 << 20
    /// Processes and threads.
    public var processes: Int = 256
    /// Open files.
    public var openFiles: Int = 1024
    /// How much of each stream is written into the lesson, bytes; the rest is summarised.
    public var shownOutputBytes: Int = 32 << 10

    /// Default limits.
    public init() {}
}
