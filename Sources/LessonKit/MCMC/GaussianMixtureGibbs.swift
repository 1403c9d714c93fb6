import Foundation

/// Gibbs sampling for the Bayesian mixture of K unit-variance Gaussians in ℝᴰ with latent assignments
/// (the model of ``GaussianMixtureCAVI``):
///
///     μₖ ~ N(0, σ² I),   cᵢ ~ Uniform{1..K},   xᵢ | cᵢ, μ ~ N(μ_cᵢ, I).
///
/// Alternates the full conditionals
///
///     p(cᵢ = k | μ, xᵢ) ∝ exp(−½‖xᵢ − μₖ‖²),
///     μₖ | c, x ~ N(Σ_{cᵢ=k} xᵢ / (1/σ² + nₖ), 1/(1/σ² + nₖ) I),   nₖ = #{i : cᵢ = k}.
///
/// A chain's state is the K·D means, flattened: draws[t][k·D + j] is coordinate j of μₖ.
///
/// ```swift
/// let gibbs = GaussianMixtureGibbs(data: points, components: 3, priorVariance: 100)
/// let samples = gibbs.sample(from: [[-5, 0, 5]], draws: 1_000, warmUp: 200, seed: 4)
/// ```
public struct GaussianMixtureGibbs: MCMCSampler {
    /// The observations xᵢ, [n][D].
    public var data: [[Double]]
    /// K.
    public var components: Int
    /// σ², the prior variance of each mean coordinate.
    public var priorVariance: Double

    /// The sampler for `data` ([n][D]) with `components` clusters and prior N(0, `priorVariance` I) on the means.
    public init(data: [[Double]], components: Int, priorVariance: Double) {
        precondition(!data.isEmpty && components >= 1 && priorVariance > 0, "GaussianMixtureGibbs: needs data, K ≥ 1, σ² > 0")
        self.data = data
        self.components = components
        self.priorVariance = priorVariance
    }

    /// D.
    public var dimension: Int { data[0].count }

    // Specialised for the lessons' generator: `sample` reaches `chain` through the protocol, unspecialised.
    /// Runs `warmUp` sweeps, then keeps `draws` sweeps, starting from the means `initial`.
    @_specialize(where G == SeededGenerator)
    public func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain {
        let (k, d) = (components, dimension)
        precondition(initial.count == k * d, "GaussianMixtureGibbs: a state has K·D = \(k * d) coordinates")
        var means = initial
        var logits = [Double](repeating: 0, count: k)
        var kept: [Double] = []
        kept.reserveCapacity(draws * initial.count)
        for iteration in 0..<(warmUp + draws) {
            // Assignments given the means.
            var sums = [Double](repeating: 0, count: k * d)
            var counts = [Double](repeating: 0, count: k)
            for x in data {
                for c in 0..<k {
                    var squared = 0.0
                    for j in 0..<d { squared += (x[j] - means[c * d + j]) * (x[j] - means[c * d + j]) }
                    logits[c] = -0.5 * squared
                }
                let assignment = Categorical(logits: logits).sample(using: &generator)
                counts[assignment] += 1
                for j in 0..<d { sums[assignment * d + j] += x[j] }
            }
            // Means given the assignments.
            for c in 0..<k {
                let precision = 1 / priorVariance + counts[c]
                let scale = (1 / precision).squareRoot()
                for j in 0..<d { means[c * d + j] = sums[c * d + j] / precision + scale * generator.gaussian() }
            }
            if iteration >= warmUp { kept.append(contentsOf: means) }
        }
        return Chain(flatDraws: kept, dimension: initial.count)
    }
}
