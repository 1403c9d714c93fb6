import Foundation

/// Locale-independent, deterministic number formatting for tables and plot ticks.
public enum NumberFormatting {
    /// `value` with `significantDigits` significant digits, trailing zeros removed: 0.1234, 18.12, 123456, 1.5e-05.
    /// Fixed notation for 1e-4 ≤ |value| < 1e6 (integer digits are never rounded away), scientific otherwise.
    public static func format(_ value: Double, significantDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            let decimals = max(0, significantDigits - 1 - Int(floor(log10(magnitude))))
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
        let scientific = String(format: "%.\(max(0, significantDigits - 1))e", value)
        guard let exponent = scientific.firstIndex(of: "e") else { return scientific }
        var mantissa = String(scientific[..<exponent])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + scientific[exponent...]
    }
}
