import Foundation

/// The gamma distribution with shape k and rate β: log p(x) = k log β − log Γ(k) + (k − 1) log x − βx.
public struct Gamma: Distribution {
    /// The shape k > 0.
    public var shape: Double
    /// The rate β > 0 (the inverse of the scale).
    public var rate: Double

    /// Gamma(shape, rate), both positive.
    public init(shape: Double, rate: Double = 1) {
        precondition(shape > 0 && rate > 0, "Gamma: shape and rate must be positive")
        self.shape = shape
        self.rate = rate
    }

    /// E[x] = k / β.
    public var mean: Double { shape / rate }
    /// Var[x] = k / β².
    public var variance: Double { shape / (rate * rate) }
    /// k − log β + log Γ(k) + (1 − k) ψ(k).
    public var entropy: Double { shape - log(rate) + lgamma(shape) + (1 - shape) * Special.digamma(shape) }

    /// Marsaglia & Tsang (2000); for k < 1, a draw for k + 1 times U^(1/k).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        if shape < 1 {
            let boosted = Gamma(shape: shape + 1, rate: rate).sample(using: &generator)
            return boosted * pow(1 - generator.uniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = generator.gaussian()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1 - generator.uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    /// log p(x) for x > 0; −∞ otherwise.
    public func logProb(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        return shape * log(rate) - lgamma(shape) + (shape - 1) * log(x) - rate * x
    }
}
