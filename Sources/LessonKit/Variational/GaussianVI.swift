import Foundation

/// Stochastic variational inference with a diagonal Gaussian q(z) = N(μ, diag(σ²)), σ = exp(ω), z ∈ ℝᵈ:
/// Monte Carlo estimates of the ELBO and its gradient, Adam steps on (μ, ω).
///
/// The ELBO is L(μ, ω) = E_q[log p(x, z)] + H[q], H[q] = Σⱼ ωⱼ + (d/2) log(2πe). Two gradient estimators from
/// S draws εₛ ~ N(0, I), zₛ = μ + σ ⊙ εₛ:
///
///     reparameterisation: ∇L ≈ (1/S) Σₛ ∇_{μ,ω} log p(x, μ + σ ⊙ εₛ) + ∇H   (gradients from the tape)
///     score function:     ∇L ≈ (1/S) Σₛ ∇_{μ,ω} log q(zₛ) · [log p(x, zₛ) − log q(zₛ)],
///                         ∇_μ log q = ε/σ,  ∇_ω log q = ε² − 1.
///
/// Each estimate also reports the variance of the estimator itself: the per-draw gradients' sample variance
/// divided by S, coordinate by coordinate (not available for S = 1; use ``gradientVariance(samples:repetitions:estimator:using:)``).
///
/// ```swift
/// let model = ConjugateGaussianModel(priorStandardDeviation: 2, data: [1.2, 0.7, 1.9])
/// let vi = GaussianVI(dimension: 1) { z in model.logJoint(z) }
/// var random = SeededGenerator(seed: 1)
/// let steps = vi.fit(steps: 1_000, samples: 10, learningRate: 0.05, using: &random)
/// show(LinePlot(title: "ELBO estimate", xLabel: "step").line(steps.map(\.elbo)))
/// ```
public final class GaussianVI: @unchecked Sendable {
    /// How the gradient of the ELBO is estimated.
    public enum GradientEstimator: Sendable {
        /// Differentiate through z = μ + σ ⊙ ε (Kingma & Welling 2014; Rezende et al. 2014).
        case reparameterization
        /// The likelihood-ratio / REINFORCE estimator, E_q[∇log q · (log p − log q)] (Ranganath et al. 2014).
        case scoreFunction
    }

    /// One estimate (and, during `fit`, one step).
    public struct Estimate: Sendable {
        /// The Monte Carlo ELBO estimate at the current (μ, ω).
        public var elbo: Double
        /// ∇L, [∂/∂μ₁…∂/∂μ_d, ∂/∂ω₁…∂/∂ω_d] (length 2d).
        public var gradient: [Double]
        /// Variance of each gradient coordinate's S-draw estimate (length 2d); `nan` for S = 1.
        public var gradientVariances: [Double]
        /// Σ of `gradientVariances`: the trace of the estimator's covariance.
        public var gradientVariance: Double { gradientVariances.reduce(0, +) }
        /// μ at which the estimate was made (length d).
        public var mean: [Double] = []
        /// ω = log σ at which the estimate was made (length d).
        public var logStandardDeviation: [Double] = []
        /// The q at which the estimate was made, one `Normal` per coordinate.
        public var factors: [Normal] { zip(mean, logStandardDeviation).map { Normal(mean: $0, standardDeviation: Foundation.exp($1)) } }
    }

    /// μ, shape [d].
    public let mean: Parameter
    /// ω = log σ, shape [d].
    public let logStandardDeviation: Parameter
    /// log p(x, z) on the tape, for z of shape [d].
    public let logJoint: @Sendable (Variable) -> Variable

    /// q starting at N(`initialMean`, exp(`initialLogStandardDeviation`)²) in each of `dimension` coordinates.
    public init(
        dimension: Int, initialMean: Double = 0, initialLogStandardDeviation: Double = 0,
        logJoint: @escaping @Sendable (Variable) -> Variable
    ) {
        mean = Parameter(Tensor(repeating: initialMean, shape: [dimension]))
        logStandardDeviation = Parameter(Tensor(repeating: initialLogStandardDeviation, shape: [dimension]))
        self.logJoint = logJoint
    }

    /// d.
    public var dimension: Int { mean.value.count }

    /// The current q as one `Normal` per coordinate.
    public var factors: [Normal] {
        zip(mean.value.scalars, logStandardDeviation.value.scalars).map { Normal(mean: $0, standardDeviation: Foundation.exp($1)) }
    }

    /// H[q] = Σⱼ ωⱼ + (d/2) log(2πe).
    public var entropy: Double {
        logStandardDeviation.value.scalars.reduce(0, +) + 0.5 * Double(dimension) * Foundation.log(2 * Double.pi * M_E)
    }

    /// An S-draw estimate of the ELBO and its gradient at the current (μ, ω).
    public func estimate<G: RandomNumberGenerator>(
        samples: Int, estimator: GradientEstimator = .reparameterization, using generator: inout G
    ) -> Estimate {
        precondition(samples >= 1, "GaussianVI: at least one sample")
        let d = dimension
        let mu = mean.value.scalars
        let omega = logStandardDeviation.value.scalars
        let sigma = omega.map { Foundation.exp($0) }
        var values: [Double] = []
        var perDraw: [[Double]] = []
        for _ in 0..<samples {
            let epsilon = (0..<d).map { _ in generator.gaussian() }
            switch estimator {
            case .reparameterization:
                let muLeaf = Variable(Tensor(mu), requiresGradient: true)
                let omegaLeaf = Variable(Tensor(omega), requiresGradient: true)
                let z = muLeaf + omegaLeaf.exp() * Variable(Tensor(epsilon))
                let logP = logJoint(z)
                logP.backward()
                values.append(logP.value.scalar + entropy)
                let gradientMu = muLeaf.gradient?.scalars ?? [Double](repeating: 0, count: d)
                // ∂H/∂ωⱼ = 1 is exact; add it to every draw.
                let gradientOmega = (omegaLeaf.gradient?.scalars ?? [Double](repeating: 0, count: d)).map { $0 + 1 }
                perDraw.append(gradientMu + gradientOmega)
            case .scoreFunction:
                let z = (0..<d).map { mu[$0] + sigma[$0] * epsilon[$0] }
                var logQ = 0.0
                for j in 0..<d { logQ += -0.5 * Foundation.log(2 * Double.pi) - omega[j] - 0.5 * epsilon[j] * epsilon[j] }
                let f = logJoint(Variable(Tensor(z))).value.scalar - logQ
                values.append(f)
                perDraw.append((0..<d).map { epsilon[$0] / sigma[$0] * f } + (0..<d).map { (epsilon[$0] * epsilon[$0] - 1) * f })
            }
        }
        let s = Double(samples)
        let gradient = (0..<(2 * d)).map { c in perDraw.reduce(0) { $0 + $1[c] } / s }
        let variances = (0..<(2 * d)).map { c in
            samples > 1 ? perDraw.reduce(0) { $0 + ($1[c] - gradient[c]) * ($1[c] - gradient[c]) } / (s - 1) / s : .nan
        }
        return Estimate(elbo: values.reduce(0, +) / s, gradient: gradient, gradientVariances: variances, mean: mu, logStandardDeviation: omega)
    }

    /// `steps` Adam steps of ascent on the ELBO, each from an S-draw estimate; returns each step's estimate
    /// (taken before the step).
    public func fit<G: RandomNumberGenerator>(
        steps: Int, samples: Int, learningRate: Double, estimator: GradientEstimator = .reparameterization,
        using generator: inout G
    ) -> [Estimate] {
        var adam = Adam([mean, logStandardDeviation], learningRate: learningRate)
        let d = dimension
        return (0..<steps).map { _ in
            let current = estimate(samples: samples, estimator: estimator, using: &generator)
            // Adam minimises: hand it −∇L on this step's leaves.
            mean.variable().gradient = Tensor(current.gradient[0..<d].map { -$0 })
            logStandardDeviation.variable().gradient = Tensor(current.gradient[d...].map { -$0 })
            adam.step()
            return current
        }
    }

    /// The trace of the covariance of the S-draw gradient estimator at the current (μ, ω), measured from
    /// `repetitions` independent estimates: Σ_c Var(ĝ_c). Works for S = 1.
    public func gradientVariance<G: RandomNumberGenerator>(
        samples: Int, repetitions: Int, estimator: GradientEstimator, using generator: inout G
    ) -> Double {
        precondition(repetitions >= 2, "GaussianVI.gradientVariance: at least two repetitions")
        let estimates = (0..<repetitions).map { _ in estimate(samples: samples, estimator: estimator, using: &generator).gradient }
        let r = Double(repetitions)
        return (0..<(2 * dimension)).reduce(0) { total, c in
            let average = estimates.reduce(0) { $0 + $1[c] } / r
            return total + estimates.reduce(0) { $0 + ($1[c] - average) * ($1[c] - average) } / (r - 1)
        }
    }
}
