/// A problem found in a lesson, reported as `file:line:column: error: message` like a compiler would.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var severity: Severity
    /// A stable identifier for the kind of problem, e.g. `cell-option.unknown`.
    public var identifier: String
    public var message: String
    public var location: SourceLocation
    /// Further locations that explain the problem (e.g. where a duplicate id was first used).
    public var notes: [Diagnostic]

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ identifier: String, _ message: String, at location: SourceLocation,
        notes: [Diagnostic] = []
    ) {
        self.severity = severity
        self.identifier = identifier
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// The diagnostic and its notes, one per line, in compiler form.
    public var description: String {
        ([self] + notes).map { "\($0.location): \($0.severity.rawValue): \($0.message)" }.joined(separator: "\n")
    }

    /// Whether any diagnostic in `diagnostics` is an error.
    public static func containsError(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity == .error }
    }
}
