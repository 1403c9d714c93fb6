import LessonRuntimeProtocol

extension LessonRuntime {
    /// Evaluates an inline expression of the prose (`` `{swift} nll` ``) and hands its text to the runner.
    ///
    /// Generated code calls it between ``beginCell(_:)`` and ``endCell(_:)`` of the expression's own output
    /// region. The text is ``inlineText(_:)`` of the value.
    public static func inlineValue<Value>(_ expression: () throws -> Value) rethrows {
        let value = try expression()
        emit(DisplayRecord(kind: .text, text: inlineText(value)))
    }

    /// How a value reads in prose: floating-point numbers with 4 significant digits (as in tables, so
    /// `18.17341` reads 18.17), anything else as its `description`. Format the value in the expression for
    /// other precision, e.g. `` `{swift} NumberFormatting.format(nll, significantDigits: 6)` ``.
    public static func inlineText(_ value: Any) -> String {
        switch value {
        case let double as Double: NumberFormatting.format(double, significantDigits: 4)
        case let float as Float: NumberFormatting.format(Double(float), significantDigits: 4)
        case let text as String: text
        default: String(describing: value)
        }
    }
}
