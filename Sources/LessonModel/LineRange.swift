/// An inclusive range of 1-based line numbers in a source text.
public struct LineRange: Hashable, Sendable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    /// Creates the range `first...last`.
    public init(_ first: Int, _ last: Int) {
        precondition(first <= last, "LineRange \(first)...\(last) is empty")
        self.first = first
        self.last = last
    }

    /// Whether `line` lies in the range.
    public func contains(_ line: Int) -> Bool { line >= first && line <= last }

    public var description: String { "\(first)-\(last)" }
}
