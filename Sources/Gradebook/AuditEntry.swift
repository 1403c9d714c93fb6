public import Foundation

/// One change to a hand-given grade, as the audit table keeps it: who, when, what, and old → new.
public struct AuditEntry: Sendable, Equatable {
    public var at: String
    public var who: String
    public var student: String
    public var lesson: String
    public var exerciseId: String
    /// `points`, `adjustment`, `comment`, `rubric item 3 applied`, `rubric item 3: 1 → 0.5 points`.
    public var change: String
    /// Nil when the answer had no grade before.
    public var oldPoints: Double?
    public var newPoints: Double
    public var oldValue: String
    public var newValue: String

    /// `date` as the audit writes it (UTC, ISO 8601 with milliseconds).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
