import Foundation

/// Expectation–maximisation for a 1-D Gaussian mixture p(x) = Σₖ πₖ N(x; μₖ, σ²ₖ) (Bishop, PRML §9.2–9.4).
///
/// E-step: responsibilities rᵢₖ = πₖ N(xᵢ; μₖ, σ²ₖ) / Σⱼ πⱼ N(xᵢ; μⱼ, σ²ⱼ) at the current θ.
/// M-step: maximise Q(θ | θ_old) = Σᵢₖ rᵢₖ [log πₖ + log N(xᵢ; μₖ, σ²ₖ)]:
///
///     Nₖ = Σᵢ rᵢₖ,  πₖ = Nₖ/n,  μₖ = Σᵢ rᵢₖ xᵢ / Nₖ,  σ²ₖ = Σᵢ rᵢₖ (xᵢ − μₖ)² / Nₖ.
///
/// Since log p(x | θ) = Q(θ | θ_old) + H(r) + KL(r ‖ p(c | x, θ)) with equality at θ = θ_old, each iteration
/// never decreases the log-likelihood.
///
/// ```swift
/// let em = GaussianMixtureEM(data: xs, components: 3)
/// let fit = em.fit(iterations: 50, initialMeans: [-1, 0, 1])
/// show(LinePlot(title: "EM", xLabel: "iteration", yLabel: "log-likelihood").line(fit.steps.map(\.logLikelihood)))
/// ```
public struct GaussianMixtureEM: Sendable {
    /// One iteration's record.
    public struct Step: Sendable {
        /// log p(x | θ_old) = Σᵢ log Σₖ πₖ N(xᵢ; μₖ, σ²ₖ) before the iteration.
        public var logLikelihood: Double
        /// Q(θ_old | θ_old): the expected complete-data log-likelihood at the old parameters.
        public var qBefore: Double
        /// Q(θ_new | θ_old) after the M-step (≥ qBefore).
        public var qAfter: Double
        /// H(r) = −Σᵢₖ rᵢₖ log rᵢₖ, so logLikelihood = qBefore + entropy.
        public var entropy: Double
    }

    /// The result of a run.
    public struct Fit: Sendable {
        /// πₖ.
        public var weights: [Double]
        /// μₖ.
        public var means: [Double]
        /// σ²ₖ.
        public var variances: [Double]
        /// One record per iteration.
        public var steps: [Step]
        /// The fitted mixture.
        public var mixture: Mixture<Normal> {
            Mixture(weights: weights, components: zip(means, variances).map { Normal(mean: $0, standardDeviation: $1.squareRoot()) })
        }
    }

    /// xᵢ.
    public var data: [Double]
    /// K.
    public var components: Int
    /// A floor on σ²ₖ, so a component cannot collapse onto one point.
    public var minimumVariance: Double

    /// EM for `data` with `components` components.
    public init(data: [Double], components: Int, minimumVariance: Double = 1e-6) {
        precondition(data.count >= components && components >= 1, "GaussianMixtureEM: needs at least K data points")
        self.data = data
        self.components = components
        self.minimumVariance = minimumVariance
    }

    /// `iterations` EM iterations from equal weights, `initialMeans` and the data's variance for every component.
    public func fit(iterations: Int, initialMeans: [Double]) -> Fit {
        precondition(initialMeans.count == components, "GaussianMixtureEM: \(initialMeans.count) initial means for K = \(components)")
        let n = Double(data.count)
        let dataMean = data.reduce(0, +) / n
        let dataVariance = max(data.reduce(0) { $0 + ($1 - dataMean) * ($1 - dataMean) } / n, minimumVariance)
        var weights = [Double](repeating: 1 / Double(components), count: components)
        var means = initialMeans
        var variances = [Double](repeating: dataVariance, count: components)
        var steps: [Step] = []
        var r = [[Double]](repeating: [Double](repeating: 0, count: components), count: data.count)
        for _ in 0..<iterations {
            // E-step.
            var logLikelihood = 0.0, entropy = 0.0
            for (i, x) in data.enumerated() {
                let logTerms = (0..<components).map { log(weights[$0]) + logNormal(x, means[$0], variances[$0]) }
                let normaliser = Special.logSumExp(logTerms)
                logLikelihood += normaliser
                for k in 0..<components {
                    let logR = logTerms[k] - normaliser
                    r[i][k] = exp(logR)
                    if r[i][k] > 0 { entropy -= r[i][k] * logR }
                }
            }
            let qBefore = expectedCompleteLogLikelihood(r, weights, means, variances)
            // M-step.
            for k in 0..<components {
                let nk = data.indices.reduce(0) { $0 + r[$1][k] }
                weights[k] = nk / n
                means[k] = data.indices.reduce(0) { $0 + r[$1][k] * data[$1] } / nk
                variances[k] = max(data.indices.reduce(0) { $0 + r[$1][k] * (data[$1] - means[k]) * (data[$1] - means[k]) } / nk,
                                   minimumVariance)
            }
            let qAfter = expectedCompleteLogLikelihood(r, weights, means, variances)
            steps.append(Step(logLikelihood: logLikelihood, qBefore: qBefore, qAfter: qAfter, entropy: entropy))
        }
        return Fit(weights: weights, means: means, variances: variances, steps: steps)
    }

    /// Q(θ | θ_old) = Σᵢₖ rᵢₖ [log πₖ + log N(xᵢ; μₖ, σ²ₖ)] with r from θ_old.
    func expectedCompleteLogLikelihood(_ r: [[Double]], _ weights: [Double], _ means: [Double], _ variances: [Double]) -> Double {
        var total = 0.0
        for (i, x) in data.enumerated() {
            for k in 0..<components where r[i][k] > 0 {
                total += r[i][k] * (log(weights[k]) + logNormal(x, means[k], variances[k]))
            }
        }
        return total
    }

    /// log N(x; μ, σ²).
    func logNormal(_ x: Double, _ mean: Double, _ variance: Double) -> Double {
        -0.5 * log(2 * Double.pi * variance) - (x - mean) * (x - mean) / (2 * variance)
    }
}
