import Foundation

/// The beta distribution on (0, 1): log p(x) = (α − 1) log x + (β − 1) log(1 − x) − log B(α, β).
public struct Beta: Distribution {
    /// The first shape parameter α > 0 (pseudo-count of successes).
    public var alpha: Double
    /// The second shape parameter β > 0 (pseudo-count of failures).
    public var beta: Double

    /// Beta(α, β), both positive.
    public init(alpha: Double, beta: Double) {
        precondition(alpha > 0 && beta > 0, "Beta: α and β must be positive")
        self.alpha = alpha
        self.beta = beta
    }

    /// E[x] = α / (α + β).
    public var mean: Double { alpha / (alpha + beta) }
    /// Var[x] = αβ / ((α + β)²(α + β + 1)).
    public var variance: Double { alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1)) }
    /// The differential entropy in nats.
    public var entropy: Double {
        Special.logBeta(alpha, beta) - (alpha - 1) * Special.digamma(alpha) - (beta - 1) * Special.digamma(beta)
            + (alpha + beta - 2) * Special.digamma(alpha + beta)
    }

    /// X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let x = Gamma(shape: alpha).sample(using: &generator)
        let y = Gamma(shape: beta).sample(using: &generator)
        return x / (x + y)
    }

    /// log p(x) for x in (0, 1); −∞ outside.
    public func logProb(_ x: Double) -> Double {
        guard x > 0 && x < 1 else { return -.infinity }
        return (alpha - 1) * log(x) + (beta - 1) * log(1 - x) - Special.logBeta(alpha, beta)
    }
}
