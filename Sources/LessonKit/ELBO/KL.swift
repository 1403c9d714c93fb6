/// Kullback–Leibler divergences KL(q ‖ p) = E_q[log q(z) − log p(z)] ≥ 0, in closed form for Gaussians and by
/// Monte Carlo for anything that samples and scores. The order matters: KL(q ‖ p) ("reverse", what VI
/// minimises) is mode-seeking; KL(p ‖ q) ("forward", what maximum likelihood minimises) is mass-covering.
///
/// ```swift
/// let q = Normal(mean: 0, standardDeviation: 1), p = Normal(mean: 1, standardDeviation: 2)
/// KL.closedForm(q, p)   // KL(q ‖ p)
/// KL.closedForm(p, q)   // KL(p ‖ q), a different number
/// ```
public enum KL {
    /// KL(q ‖ p) = log(σ_p/σ_q) + (σ_q² + (μ_q − μ_p)²) / (2σ_p²) − ½.
    public static func closedForm(_ q: Normal, _ p: Normal) -> Double { q.kl(to: p) }

    /// KL(q ‖ p) = ½ (tr(Σ_p⁻¹Σ_q) + (μ_p − μ_q)ᵀ Σ_p⁻¹ (μ_p − μ_q) − k + log det Σ_p − log det Σ_q).
    public static func closedForm(_ q: MultivariateNormal, _ p: MultivariateNormal) -> Double { q.kl(to: p) }

    /// KL(q ‖ p) between diagonal Gaussians: Σⱼ KL(N(μ_qⱼ, σ²_qⱼ) ‖ N(μ_pⱼ, σ²_pⱼ)).
    public static func closedForm(_ q: [Normal], _ p: [Normal]) -> Double {
        precondition(q.count == p.count, "KL.closedForm: \(q.count) factors against \(p.count)")
        return zip(q, p).reduce(0) { $0 + $1.0.kl(to: $1.1) }
    }

    /// The Monte Carlo estimate (1/S) Σₛ [log q(zₛ) − log p(zₛ)], zₛ ~ q, of KL(q ‖ p), with its standard error.
    public static func monteCarlo<Q: Distribution, P: Distribution, G: RandomNumberGenerator>(
        _ q: Q, _ p: P, samples: Int, using generator: inout G
    ) -> MonteCarloEstimate where Q.Value == P.Value {
        MonteCarloEstimate(terms: (0..<samples).map { _ in
            let z = q.sample(using: &generator)
            return q.logProb(z) - p.logProb(z)
        })
    }
}
