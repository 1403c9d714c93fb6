/// What running an inline expression gave.
public enum InlineOutcome: Hashable, Sendable {
    /// The expression's value as text.
    case value(String)
    /// It did not compile or stopped the program; the message names the expression.
    case failed(message: String, location: SourceLocation)
    /// It was not evaluated because the program stopped earlier.
    case notRun

    /// The value, when there is one.
    public var value: String? {
        if case .value(let text) = self { text } else { nil }
    }
}
