import Foundation

/// The evidence lower bound and its importance-weighted relatives, for any model given as log p(x, z) and any
/// variational distribution q(z) that can sample and score:
///
///     log p(x) = ELBO(q) + KL(q(z) ‖ p(z | x)),   ELBO(q) = E_q[log p(x, z) − log q(z)] ≤ log p(x).
///
/// ```swift
/// let model = ConjugateGaussianModel(data: [0.8, 1.3, 0.4])
/// let q = Normal(mean: 0.5, standardDeviation: 0.4)
/// var random = SeededGenerator(seed: 1)
/// let estimate = ELBO.monteCarlo(q: q, samples: 10_000, using: &random) { model.logJoint($0) }
/// // estimate.value ≈ model.elbo(q), and model.logEvidence − model.elbo(q) == q.kl(to: model.posterior)
/// ```
public enum ELBO {
    /// The Monte Carlo ELBO (1/S) Σₛ [log p(x, zₛ) − log q(zₛ)], zₛ ~ q, with its standard error.
    // Lesson cells are compiled without optimisation and call this generic function with a Normal and LessonKit's
    // generator: this specialisation is taken at run time instead of calling `sample` and `logProb` through the
    // protocols once per draw.
    @_specialize(where Q == Normal, G == SeededGenerator)
    public static func monteCarlo<Q: Distribution, G: RandomNumberGenerator>(
        q: Q, samples: Int, using generator: inout G, logJoint: (Q.Value) -> Double
    ) -> MonteCarloEstimate {
        MonteCarloEstimate(terms: (0..<samples).map { _ in
            let z = q.sample(using: &generator)
            return logJoint(z) - q.logProb(z)
        })
    }

    /// The importance-weighted bound (Burda, Grosse & Salakhutdinov 2016) from one set of K draws zₖ ~ q:
    ///
    ///     L̂_K = log (1/K) Σₖ wₖ,   wₖ = p(x, zₖ) / q(zₖ),   computed by log-sum-exp.
    ///
    /// E[L̂₁] = ELBO(q) ≤ E[L̂_K] ≤ E[L̂_{K+1}] ≤ log p(x), and L̂_K → log p(x) as K → ∞.
    @_specialize(where Q == Normal, G == SeededGenerator)
    public static func importanceWeighted<Q: Distribution, G: RandomNumberGenerator>(
        q: Q, samples k: Int, using generator: inout G, logJoint: (Q.Value) -> Double
    ) -> Double {
        precondition(k >= 1, "ELBO.importanceWeighted: K must be at least 1")
        let logWeights = (0..<k).map { _ in
            let z = q.sample(using: &generator)
            return logJoint(z) - q.logProb(z)
        }
        return Special.logSumExp(logWeights) - log(Double(k))
    }

    /// The average of `repetitions` independent importance-weighted estimates L̂_K, with its standard error:
    /// an estimate of the bound E[L̂_K] itself.
    public static func importanceWeightedBound<Q: Distribution, G: RandomNumberGenerator>(
        q: Q, samples k: Int, repetitions: Int, using generator: inout G, logJoint: (Q.Value) -> Double
    ) -> MonteCarloEstimate {
        MonteCarloEstimate(terms: (0..<repetitions).map { _ in
            importanceWeighted(q: q, samples: k, using: &generator, logJoint: logJoint)
        })
    }
}
