import LessonModel

/// The message of a trap in a checker's test cell (`Fatal error: …`, `Precondition failed: …`), as the reason a
/// test failed: students read "mean of [-4, 4, 9] should be 3", not "a Swift runtime trap".
enum TrapMessage {
    static let prefixes = ["Fatal error: ", "Precondition failed: ", "Assertion failed: "]

    /// `output` with a crash's message replaced by the trap's own message, when its standard error has one.
    static func clarify(_ output: CellOutput) -> CellOutput {
        guard case .failed(_, let location, let isFatal) = output.outcome, let message = message(in: output) else {
            return output
        }
        var output = output
        output.outcome = .failed(message: message, location: location, isFatal: isFatal)
        return output
    }

    /// The last trap message printed in the cell's standard error or error items.
    static func message(in output: CellOutput) -> String? {
        var found: String?
        for item in output.items {
            switch item {
            case .standardError(let text), .error(let text): found = message(inText: text) ?? found
            default: continue
            }
        }
        return found
    }

    /// The last trap message in `text`.
    static func message(inText text: String) -> String? {
        var found: String?
        for line in text.split(separator: "\n") {
            for prefix in prefixes {
                guard let range = line.range(of: prefix) else { continue }
                let rest = line[range.upperBound...]
                found = rest.isEmpty ? String(prefix.dropLast(2)) : String(rest)
            }
        }
        return found
    }
}
