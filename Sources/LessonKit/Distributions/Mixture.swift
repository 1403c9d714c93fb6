import Foundation

/// A finite mixture p(x) = Σₖ πₖ pₖ(x) of components of one kind.
public struct Mixture<Component: Distribution>: Distribution {
    /// The mixing weights π as a categorical distribution over the components.
    public var weights: Categorical
    /// The components p₁…p_K.
    public var components: [Component]

    /// A mixture with `weights` (summing to 1) over `components`.
    public init(weights: [Double], components: [Component]) {
        precondition(weights.count == components.count, "Mixture: \(weights.count) weights for \(components.count) components")
        self.weights = Categorical(probabilities: weights)
        self.components = components
    }

    /// Pick a component by its weight, then draw from it.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Component.Value {
        components[weights.sample(using: &generator)].sample(using: &generator)
    }

    /// log Σₖ πₖ pₖ(x), by log-sum-exp.
    public func logProb(_ x: Component.Value) -> Double {
        Special.logSumExp(zip(weights.probabilities, components).map { log($0.0) + $0.1.logProb(x) })
    }
}

extension Mixture where Component == Normal {
    /// Σ πₖ μₖ.
    public var mean: Double { zip(weights.probabilities, components).reduce(0) { $0 + $1.0 * $1.1.mean } }
    /// Σ πₖ (σₖ² + μₖ²) − (Σ πₖ μₖ)².
    public var variance: Double {
        let m = mean
        return zip(weights.probabilities, components).reduce(0) { $0 + $1.0 * ($1.1.variance + $1.1.mean * $1.1.mean) } - m * m
    }
}
