import Foundation

/// The Dirichlet distribution on the simplex: log p(x) = Σ (αₖ − 1) log xₖ − Σ log Γ(αₖ) + log Γ(Σ αₖ).
public struct Dirichlet: Distribution {
    /// The concentrations α₁…α_K, all positive.
    public var concentration: [Double]

    /// Dirichlet(α), every αₖ positive.
    public init(concentration: [Double]) {
        precondition(!concentration.isEmpty && concentration.allSatisfy { $0 > 0 }, "Dirichlet: α must be positive")
        self.concentration = concentration
    }

    private var total: Double { concentration.reduce(0, +) }
    /// E[xₖ] = αₖ / α₀.
    public var mean: [Double] { concentration.map { $0 / total } }
    /// Var[xₖ] = αₖ(α₀ − αₖ) / (α₀²(α₀ + 1)).
    public var variance: [Double] { concentration.map { $0 * (total - $0) / (total * total * (total + 1)) } }
    /// The differential entropy in nats.
    public var entropy: Double {
        let k = Double(concentration.count)
        let logNormaliser = concentration.reduce(0) { $0 + lgamma($1) } - lgamma(total)
        return logNormaliser + (total - k) * Special.digamma(total)
            - concentration.reduce(0) { $0 + ($1 - 1) * Special.digamma($1) }
    }

    /// Independent Gamma(αₖ) draws, normalised.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> [Double] {
        let draws = concentration.map { Gamma(shape: $0).sample(using: &generator) }
        let sum = draws.reduce(0, +)
        return draws.map { $0 / sum }
    }

    /// log p(x) for x on the simplex (positive, summing to 1).
    public func logProb(_ x: [Double]) -> Double {
        guard x.allSatisfy({ $0 > 0 }), abs(x.reduce(0, +) - 1) < 1e-9 else { return -.infinity }
        return zip(concentration, x).reduce(0) { $0 + ($1.0 - 1) * log($1.1) }
            - concentration.reduce(0) { $0 + lgamma($1) } + lgamma(total)
    }
}
