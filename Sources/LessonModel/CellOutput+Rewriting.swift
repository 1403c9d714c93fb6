extension CellOutput {
    /// The output with `text` applied to everything written as text (streams, values, errors, the failure message
    /// or not-run reason, captions) and `location` to the failure's location; figures' and tables' cells untouched.
    public func rewriting(text: (String) -> String, location: (SourceLocation) -> SourceLocation) -> CellOutput {
        var output = self
        output.items = items.map { item in
            switch item {
            case .standardOutput(let value): .standardOutput(text(value))
            case .standardError(let value): .standardError(text(value))
            case .value(let value): .value(text(value))
            case .error(let value): .error(text(value))
            case .figure, .table: item
            }
        }
        switch outcome {
        case .failed(let message, let where_, let isFatal):
            output.outcome = .failed(message: text(message), location: location(where_), isFatal: isFatal)
        case .notRun(let reason):
            output.outcome = .notRun(reason: text(reason))
        case .succeeded, .failedAsExpected:
            break
        }
        return output
    }
}

extension InlineOutcome {
    /// The outcome with `text` applied to its value or message and `location` to its location.
    public func rewriting(text: (String) -> String, location: (SourceLocation) -> SourceLocation) -> InlineOutcome {
        switch self {
        case .value(let value): .value(text(value))
        case .failed(let message, let where_): .failed(message: text(message), location: location(where_))
        case .notRun: .notRun
        }
    }
}
