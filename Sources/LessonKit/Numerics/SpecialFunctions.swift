import Foundation

/// Numerically stable building blocks for log-probabilities.
public enum Special {
    /// log(Σ exp(xᵢ)), computed as m + log Σ exp(xᵢ − m) with m = max xᵢ; −∞ for an empty array.
    public static func logSumExp(_ values: [Double]) -> Double {
        guard let largest = values.max(), largest.isFinite else { return values.max() ?? -.infinity }
        return largest + log(values.reduce(0) { $0 + exp($1 - largest) })
    }

    /// log(eᵃ + eᵇ) without overflow.
    public static func logAddExp(_ a: Double, _ b: Double) -> Double {
        let largest = max(a, b)
        guard largest.isFinite else { return largest }
        return largest + log1p(exp(-abs(a - b)))
    }

    /// σ(x) = 1 / (1 + e⁻ˣ), stable for large |x|.
    public static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }

    /// softplus(x) = log(1 + eˣ), stable for large |x|.
    public static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }

    /// log σ(x) = −softplus(−x).
    public static func logSigmoid(_ x: Double) -> Double { -softplus(-x) }

    /// log Γ(x) for x > 0.
    public static func logGamma(_ x: Double) -> Double { lgamma(x) }

    /// The digamma function ψ(x) = d/dx log Γ(x), x > 0: recurrence up to x ≥ 10, then the asymptotic series.
    public static func digamma(_ x: Double) -> Double {
        var x = x
        var result = 0.0
        while x < 10 {
            result -= 1 / x
            x += 1
        }
        let f = 1 / (x * x)
        let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
        return result + log(x) - 0.5 / x - series
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }
}
