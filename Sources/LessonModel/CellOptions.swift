/// The options of an executable cell, from its leading `//| key: value` lines.
public struct CellOptions: Hashable, Sendable {
    /// Unique slug within the lesson; derived from the cell's position when absent.
    public var id: String?
    /// Show the code on the site (default true).
    public var echo: Bool = true
    /// Show the output on the site (default true).
    public var output: Bool = true
    /// Per-cell timeout in seconds (default: the lesson's, else 60).
    public var timeout: Double?
    /// Caption for the cell's figures.
    public var caption: String?
    /// The cell is expected to fail (compile error or trap); its error is shown and the lesson goes on.
    public var expectError: Bool = false
    /// Marks an exercise cell with this exercise id (grading).
    public var exercise: String?
    /// Marks a test cell for this exercise id (grading).
    public var test: String?
    /// Points for an exercise or test cell (grading).
    public var points: Double?
    /// A written answer graded by hand (grading).
    public var manual: Bool = false
    /// Fold the code away on the site behind "Show the code" (default false); its output stays in view.
    public var fold: Bool = false

    /// Default options.
    public init() {}

    /// Every option key the parser accepts.
    public static let knownKeys: [String] = [
        "id", "echo", "output", "timeout", "caption", "error", "exercise", "test", "points", "manual", "fold",
    ]
}
