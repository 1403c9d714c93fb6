/// A quantity measured once per independent run (each with its own seed: its own initial weights, minibatch
/// order and validation split): the runs' values, their mean and their standard deviation. What one run gives
/// is one draw of this spread; a difference between two models smaller than it is not a finding.
public struct RunSpread: Sendable, CustomStringConvertible {
    /// One value per run, in the order the runs were made.
    public let values: [Double]

    /// The spread of `values` (at least two).
    public init(_ values: [Double]) {
        precondition(values.count >= 2, "RunSpread: a spread needs at least two runs, got \(values.count)")
        self.values = values
    }

    /// The mean over the runs.
    public var mean: Double { values.reduce(0, +) / Double(values.count) }

    /// The sample standard deviation over the runs, √(Σ (vᵣ − mean)² / (R − 1)).
    public var standardDeviation: Double {
        let m = mean
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }

    /// The smallest and largest value.
    public var range: ClosedRange<Double> { values.min()!...values.max()! }

    /// "mean ± sd", e.g. "18.12 ± 0.083".
    public var description: String {
        "\(NumberFormatting.format(mean, significantDigits: 4)) ± \(NumberFormatting.format(standardDeviation, significantDigits: 2))"
    }
}
