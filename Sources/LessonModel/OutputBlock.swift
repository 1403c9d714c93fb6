/// A block of generated output in a lesson's text, between `<!-- lessons:output ... -->` and
/// `<!-- lessons:end -->`. Everything in it belongs to the runner and is replaced on every run.
public struct OutputBlock: Hashable, Sendable {
    /// The marker's fields.
    public var marker: OutputMarker
    /// Line of the begin marker.
    public var beginLine: Int
    /// Line of the end marker.
    public var endLine: Int
    /// Whether the block is exactly as the runner wrote it: its begin marker parses and records the hash of the
    /// lines between the markers. A block that is not intact is stale, whatever its cell hash says.
    public var isIntact: Bool

    /// Creates a block description.
    public init(marker: OutputMarker, beginLine: Int, endLine: Int, isIntact: Bool = true) {
        self.marker = marker
        self.beginLine = beginLine
        self.endLine = endLine
        self.isIntact = isIntact
    }
}
