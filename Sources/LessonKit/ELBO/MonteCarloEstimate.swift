/// A Monte Carlo average (1/S) Σₛ fₛ with its standard error √(s²_f / S) (s²_f the sample variance of the fₛ).
public struct MonteCarloEstimate: Sendable, CustomStringConvertible {
    /// The average of the S terms.
    public var value: Double
    /// √(sample variance / S); `nan` when S = 1.
    public var standardError: Double
    /// S, the number of terms.
    public var samples: Int

    /// The estimate from the terms f₁, …, f_S.
    public init(terms: [Double]) {
        precondition(!terms.isEmpty, "MonteCarloEstimate: no terms")
        let s = Double(terms.count)
        value = terms.reduce(0, +) / s
        let mean = value
        let variance = terms.count > 1 ? terms.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (s - 1) : .nan
        standardError = (variance / s).squareRoot()
        samples = terms.count
    }

    /// "value ± standard error", e.g. "-12.3456 ± 0.012".
    public var description: String {
        "\(NumberFormatting.format(value, significantDigits: 6)) ± \(NumberFormatting.format(standardError, significantDigits: 2))"
    }
}
