/// The range a number given to an option must fall in: finite, above a lower bound (inclusive or not) and at
/// most an upper bound. One value per kind of number, so that the command line, cell options and front matter
/// agree (`lessons check` rejects what `lessons run` would).
public struct NumberBounds: Sendable, Equatable {
    /// The smallest value, or the value every number must exceed when `lowerIsExclusive`.
    public var lower: Double
    /// Whether `lower` itself is excluded.
    public var lowerIsExclusive: Bool
    /// The largest value.
    public var upper: Double
    /// What the number is, e.g. `a number of seconds`.
    public var noun: String

    /// Bounds `lower ... upper` (or `lower < x <= upper`).
    public init(_ noun: String, lower: Double, exclusive: Bool = false, upper: Double) {
        self.noun = noun
        self.lower = lower
        self.lowerIsExclusive = exclusive
        self.upper = upper
    }

    /// A timeout in seconds: more than 0, at most 24 hours.
    public static let timeout = NumberBounds("a number of seconds", lower: 0, exclusive: true, upper: 86_400)
    /// Points of an exercise or a test: 0 to 10,000.
    public static let points = NumberBounds("a number of points", lower: 0, upper: 10_000)
    /// Lessons or submissions at the same time: 1 to 256.
    public static let jobs = NumberBounds("a number of jobs", lower: 1, upper: 256)
    /// A TCP port (0: any free port).
    public static let port = NumberBounds("a port number", lower: 0, upper: 65_535)
    /// A fraction such as a late penalty: 0 to 1.
    public static let fraction = NumberBounds("a fraction", lower: 0, upper: 1)

    /// Whether `value` is finite and within the bounds.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && (lowerIsExclusive ? value > lower : value >= lower) && value <= upper
    }

    /// What a valid value is, e.g. `a number of seconds greater than 0 and at most 86400 (24 hours)`.
    public var requirement: String {
        let low = lowerIsExclusive ? "greater than \(Self.format(lower))" : "at least \(Self.format(lower))"
        let hours = self == .timeout ? " (24 hours)" : ""
        return "\(noun) \(low) and at most \(Self.format(upper))\(hours)"
    }

    /// Nil when `value` is valid, else `<name> must be <requirement>, not <value>`.
    public func problem(with value: Double, name: String) -> String? {
        contains(value) ? nil : "\(name) must be \(requirement), not \(Self.format(value))"
    }

    /// `value` without a needless `.0`.
    public static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
