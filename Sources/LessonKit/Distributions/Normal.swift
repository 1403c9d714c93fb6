import Foundation

/// The normal distribution N(μ, σ²): log p(x) = −½ log(2πσ²) − (x − μ)² / (2σ²).
public struct Normal: Distribution {
    /// The mean μ.
    public var mean: Double
    /// The standard deviation σ > 0.
    public var standardDeviation: Double {
        didSet { logStandardDeviation = log(standardDeviation) }
    }
    /// log σ, kept with σ: every ``logProb(_:)`` needs it, and a Monte Carlo ELBO calls that millions of times.
    private var logStandardDeviation: Double

    /// N(mean, standardDeviation²); the standard deviation must be positive.
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(standardDeviation > 0, "Normal: the standard deviation must be positive, not \(standardDeviation)")
        self.mean = mean
        self.standardDeviation = standardDeviation
        logStandardDeviation = log(standardDeviation)
    }

    /// σ².
    public var variance: Double { standardDeviation * standardDeviation }
    /// Differential entropy ½ log(2πeσ²).
    public var entropy: Double { 0.5 * log(2 * Double.pi * M_E * variance) }

    /// μ + σ ε with ε ~ N(0, 1).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        mean + standardDeviation * generator.gaussian()
    }

    /// log p(x) = −½ ((x − μ)/σ)² − log σ − ½ log 2π.
    public func logProb(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return -0.5 * log(2 * Double.pi) - logStandardDeviation - 0.5 * z * z
    }

    /// KL(self ‖ other) = log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½.
    public func kl(to other: Normal) -> Double {
        log(other.standardDeviation / standardDeviation)
            + (variance + (mean - other.mean) * (mean - other.mean)) / (2 * other.variance) - 0.5
    }
}
