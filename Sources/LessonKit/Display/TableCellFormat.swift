/// How ``Table`` turns a value into the text of a cell.
public struct TableCellFormat: Sendable {
    /// Significant digits for floating-point values.
    public var significantDigits: Int

    /// Creates a format with `significantDigits` digits for floating-point values.
    public init(significantDigits: Int = 4) {
        self.significantDigits = significantDigits
    }

    /// The text for one cell.
    public func string(for value: Any) -> String {
        switch value {
        case let double as Double: return NumberFormatting.format(double, significantDigits: significantDigits)
        case let float as Float: return NumberFormatting.format(Double(float), significantDigits: significantDigits)
        default: return String(describing: value)
        }
    }
}
