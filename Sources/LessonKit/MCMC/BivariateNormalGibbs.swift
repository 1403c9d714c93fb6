/// Gibbs sampling of a bivariate normal with means μ₁, μ₂, standard deviations σ₁, σ₂ and correlation ρ,
/// alternating the exact full conditionals
///
///     x₁ | x₂ ~ N(μ₁ + ρ (σ₁/σ₂)(x₂ − μ₂), (1 − ρ²) σ₁²),
///     x₂ | x₁ ~ N(μ₂ + ρ (σ₂/σ₁)(x₁ − μ₁), (1 − ρ²) σ₂²).
///
/// Every move is accepted; the chain mixes slowly when |ρ| is near 1 (lag-1 autocorrelation of x₁ is ρ²).
///
/// ```swift
/// let samples = BivariateNormalGibbs(correlation: 0.9).sample(from: [[-4, 4], [4, -4]], draws: 5_000, warmUp: 100, seed: 2)
/// ```
public struct BivariateNormalGibbs: MCMCSampler {
    /// (μ₁, μ₂).
    public var mean: (Double, Double)
    /// (σ₁, σ₂).
    public var standardDeviation: (Double, Double)
    /// ρ ∈ (−1, 1).
    public var correlation: Double

    /// The target N((μ₁, μ₂), [[σ₁², ρσ₁σ₂], [ρσ₁σ₂, σ₂²]]).
    public init(mean: (Double, Double) = (0, 0), standardDeviation: (Double, Double) = (1, 1), correlation: Double) {
        precondition(abs(correlation) < 1, "BivariateNormalGibbs: the correlation must be in (-1, 1)")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.correlation = correlation
    }

    // Specialised for the lessons' generator: `sample` reaches `chain` through the protocol, unspecialised.
    /// Runs `warmUp` sweeps, then keeps `draws` sweeps (each updates both coordinates from their conditionals).
    @_specialize(where G == SeededGenerator)
    public func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain {
        precondition(initial.count == 2, "BivariateNormalGibbs: a starting point has two coordinates")
        let (m1, m2) = mean
        let (s1, s2) = standardDeviation
        let rho = correlation
        let conditionalScale = (1 - rho * rho).squareRoot()
        var (x1, x2) = (initial[0], initial[1])
        var kept: [Double] = []
        kept.reserveCapacity(draws * initial.count)
        for iteration in 0..<(warmUp + draws) {
            x1 = m1 + rho * s1 / s2 * (x2 - m2) + conditionalScale * s1 * generator.gaussian()
            x2 = m2 + rho * s2 / s1 * (x1 - m1) + conditionalScale * s2 * generator.gaussian()
            if iteration >= warmUp {
                kept.append(x1)
                kept.append(x2)
            }
        }
        return Chain(flatDraws: kept, dimension: initial.count)
    }
}
