/// What one cell produced when it ran, in the order it happened.
public struct CellOutput: Hashable, Sendable {
    /// How the cell's run ended.
    public var outcome: CellOutcome
    /// Printed text, figures and tables, in order.
    public var items: [OutputItem]
    /// Files the cell read, relative to the project root (sorted, unique).
    public var inputs: [String] = []
    /// The partial credit (0...1) a test cell reported, if any.
    public var credit: Double?
    /// Wall time of the cell in seconds (0 when it did not run); reported, never written into the lesson.
    public var duration: Double

    /// Creates a cell's output.
    public init(outcome: CellOutcome, items: [OutputItem] = [], duration: Double = 0) {
        self.outcome = outcome
        self.items = items
        self.duration = duration
    }
}

/// One piece of a cell's output.
public enum OutputItem: Hashable, Sendable {
    /// Text the cell wrote to standard output.
    case standardOutput(String)
    /// Text the cell wrote to standard error.
    case standardError(String)
    /// A value's text, shown with `show(_:)`.
    case value(String)
    /// An SVG figure with an optional caption.
    case figure(svg: String, caption: String?)
    /// A table of formatted cells.
    case table(columns: [String], rows: [[String]])
    /// The runner's account of a failure (compile errors, a crash, a timeout, a failed check).
    case error(String)
}
