import Foundation

/// The k-dimensional normal N(μ, Σ), through the Cholesky factor Σ = L Lᵀ:
/// log p(x) = −½ (k log 2π + log det Σ + ‖L⁻¹(x − μ)‖²); samples are μ + L z, z ~ N(0, I).
public struct MultivariateNormal: Distribution {
    /// The mean vector μ [d].
    public var mean: [Double]
    /// The covariance matrix Σ [d, d], symmetric positive definite.
    public var covariance: [[Double]]
    /// L with L Lᵀ = Σ.
    public let choleskyFactor: [[Double]]

    /// N(mean, covariance); the covariance must be symmetric positive definite.
    public init(mean: [Double], covariance: [[Double]]) {
        precondition(covariance.count == mean.count && covariance.allSatisfy { $0.count == mean.count },
            "MultivariateNormal: the covariance must be \(mean.count)x\(mean.count)")
        guard let factor = Cholesky.factor(covariance) else {
            preconditionFailure("MultivariateNormal: the covariance is not positive definite")
        }
        self.mean = mean
        self.covariance = covariance
        self.choleskyFactor = factor
    }

    /// The dimension d.
    public var dimension: Int { mean.count }
    /// ½ log det(2πe Σ).
    public var entropy: Double {
        0.5 * (Double(dimension) * log(2 * Double.pi * M_E) + Cholesky.logDeterminant(factor: choleskyFactor))
    }

    /// x = μ + L ε with ε ~ N(0, I) and Σ = L Lᵀ (Cholesky).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Double] {
        let z = (0..<dimension).map { _ in generator.gaussian() }
        return (0..<dimension).map { i in mean[i] + (0...i).reduce(0) { $0 + choleskyFactor[i][$1] * z[$1] } }
    }

    /// log p(x) = −½ (x − μ)ᵀ Σ⁻¹ (x − μ) − ½ log det(2πΣ).
    public func logProb(_ x: [Double]) -> Double {
        let whitened = Cholesky.solveLower(choleskyFactor, zip(x, mean).map { $0 - $1 })
        return -0.5 * (Double(dimension) * log(2 * Double.pi) + Cholesky.logDeterminant(factor: choleskyFactor)
            + whitened.reduce(0) { $0 + $1 * $1 })
    }

    /// KL(self ‖ other) = ½ (tr(Σ₂⁻¹Σ₁) + (μ₂ − μ₁)ᵀ Σ₂⁻¹ (μ₂ − μ₁) − k + log det Σ₂ − log det Σ₁).
    public func kl(to other: MultivariateNormal) -> Double {
        let inverse = Cholesky.inverse(factor: other.choleskyFactor)
        let k = dimension
        var trace = 0.0
        for i in 0..<k { for j in 0..<k { trace += inverse[i][j] * covariance[j][i] } }
        let difference = zip(other.mean, mean).map { $0 - $1 }
        let mahalanobis = Cholesky.solveLower(other.choleskyFactor, difference).reduce(0) { $0 + $1 * $1 }
        return 0.5 * (trace + mahalanobis - Double(k) + Cholesky.logDeterminant(factor: other.choleskyFactor)
            - Cholesky.logDeterminant(factor: choleskyFactor))
    }
}
