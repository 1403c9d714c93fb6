import Foundation

/// The conjugate Gaussian model, where everything is exact:
///
///     z ~ N(μ₀, σ₀²),   xᵢ | z ~ N(z, σ²),  i = 1…n.
///
/// Posterior p(z | x) = N(μₙ, σₙ²) with 1/σₙ² = 1/σ₀² + n/σ² and μₙ = σₙ² (μ₀/σ₀² + Σxᵢ/σ²); evidence from
/// Bayes' rule at any z: log p(x) = log p(x, z) − log p(z | x). For a Gaussian q = N(m, s²) the ELBO is closed
/// form, so log p(x) − ELBO(q) = KL(q ‖ p(z | x)) can be checked to rounding error.
///
/// ```swift
/// let model = ConjugateGaussianModel(priorMean: 0, priorStandardDeviation: 2, noiseStandardDeviation: 1, data: [1.2, 0.7])
/// let q = Normal(mean: 0, standardDeviation: 1)
/// check(model.logEvidence - model.elbo(q), approximatelyEquals: q.kl(to: model.posterior), tolerance: 1e-10)
/// ```
public struct ConjugateGaussianModel: Sendable {
    /// μ₀.
    public var priorMean: Double
    /// σ₀.
    public var priorStandardDeviation: Double
    /// σ, the noise of each observation.
    public var noiseStandardDeviation: Double
    /// x₁…xₙ.
    public var data: [Double]

    /// The model with prior N(μ₀, σ₀²), noise σ and observations `data`.
    public init(priorMean: Double = 0, priorStandardDeviation: Double = 1, noiseStandardDeviation: Double = 1, data: [Double]) {
        precondition(priorStandardDeviation > 0 && noiseStandardDeviation > 0, "ConjugateGaussianModel: σ₀ and σ must be positive")
        self.priorMean = priorMean
        self.priorStandardDeviation = priorStandardDeviation
        self.noiseStandardDeviation = noiseStandardDeviation
        self.data = data
    }

    /// p(z) = N(μ₀, σ₀²).
    public var prior: Normal { Normal(mean: priorMean, standardDeviation: priorStandardDeviation) }

    /// p(z | x) = N(μₙ, σₙ²).
    public var posterior: Normal {
        let precision = 1 / (priorStandardDeviation * priorStandardDeviation)
            + Double(data.count) / (noiseStandardDeviation * noiseStandardDeviation)
        let mean = (priorMean / (priorStandardDeviation * priorStandardDeviation)
            + data.reduce(0, +) / (noiseStandardDeviation * noiseStandardDeviation)) / precision
        return Normal(mean: mean, standardDeviation: (1 / precision).squareRoot())
    }

    /// log p(x, z) = log N(z; μ₀, σ₀²) + Σᵢ log N(xᵢ; z, σ²).
    public func logJoint(_ z: Double) -> Double {
        let likelihood = Normal(mean: z, standardDeviation: noiseStandardDeviation)
        return prior.logProb(z) + data.reduce(0) { $0 + likelihood.logProb($1) }
    }

    /// log p(x, z) on the tape, for z of shape [1] (or []): the same formula built from `Variable` operations.
    public func logJoint(_ z: Variable) -> Variable {
        let n = Double(data.count)
        let constant = -0.5 * (n + 1) * log(2 * Double.pi) - log(priorStandardDeviation) - n * log(noiseStandardDeviation)
        let priorTerm = (z - .constant(priorMean)) * (z - .constant(priorMean))
            * .constant(-0.5 / (priorStandardDeviation * priorStandardDeviation))
        let residuals = Variable(Tensor(data)) - z
        let likelihoodTerm = (residuals * residuals).sum() * .constant(-0.5 / (noiseStandardDeviation * noiseStandardDeviation))
        return priorTerm.sum() + likelihoodTerm + .constant(constant)
    }

    /// log p(x) = log p(x, z) − log p(z | x), evaluated at z = μₙ.
    public var logEvidence: Double {
        let posterior = self.posterior
        return logJoint(posterior.mean) - posterior.logProb(posterior.mean)
    }

    /// The closed-form ELBO of q = N(m, s²):
    ///
    ///     E_q[log p(z)] = −½ log(2πσ₀²) − ((m − μ₀)² + s²) / (2σ₀²)
    ///     E_q[log p(xᵢ | z)] = −½ log(2πσ²) − ((xᵢ − m)² + s²) / (2σ²)
    ///     ELBO = E_q[log p(z)] + Σᵢ E_q[log p(xᵢ | z)] + ½ log(2πe s²).
    public func elbo(_ q: Normal) -> Double {
        let (m, s2) = (q.mean, q.variance)
        let v0 = priorStandardDeviation * priorStandardDeviation
        let v = noiseStandardDeviation * noiseStandardDeviation
        let priorTerm = -0.5 * log(2 * Double.pi * v0) - ((m - priorMean) * (m - priorMean) + s2) / (2 * v0)
        let likelihoodTerm = data.reduce(0) { $0 - 0.5 * log(2 * Double.pi * v) - (($1 - m) * ($1 - m) + s2) / (2 * v) }
        return priorTerm + likelihoodTerm + q.entropy
    }
}
