import Foundation

/// The Bernoulli distribution on {0, 1} with P(1) = p; built from a probability or a logit.
public struct Bernoulli: Distribution {
    /// P(x = 1).
    public var probability: Double

    /// Bernoulli(p), 0 ≤ p ≤ 1.
    public init(probability: Double) {
        precondition((0...1).contains(probability), "Bernoulli: probability \(probability) is outside [0, 1]")
        self.probability = probability
    }

    /// Bernoulli(σ(logit)).
    public init(logit: Double) { self.init(probability: Special.sigmoid(logit)) }

    /// E[x] = p.
    public var mean: Double { probability }
    /// Var[x] = p(1 − p).
    public var variance: Double { probability * (1 - probability) }
    /// −p log p − (1 − p) log(1 − p), in nats.
    public var entropy: Double {
        [probability, 1 - probability].reduce(0) { $0 - ($1 > 0 ? $1 * log($1) : 0) }
    }

    /// 1 with probability p, else 0.
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        generator.uniform() < probability ? 1 : 0
    }

    /// log p(x) for x ∈ {0, 1}.
    public func logProb(_ x: Int) -> Double { log(x == 1 ? probability : 1 - probability) }

    /// KL(self ‖ other) = p log(p/q) + (1 − p) log((1 − p)/(1 − q)).
    public func kl(to other: Bernoulli) -> Double {
        let p = probability, q = other.probability
        return (p > 0 ? p * log(p / q) : 0) + (p < 1 ? (1 - p) * log((1 - p) / (1 - q)) : 0)
    }
}
