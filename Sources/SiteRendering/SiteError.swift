public import LessonModel

/// Why `lessons build` failed: every problem with its lesson file and line, collected before failing once.
public struct SiteError: Error, CustomStringConvertible, Sendable {
    /// The problems, each with a source location.
    public var diagnostics: [Diagnostic]

    /// An error made of `diagnostics`.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
