import Foundation

/// A distribution over {0, …, K−1} with probabilities πₖ; built from probabilities or from logits (softmax).
public struct Categorical: Distribution {
    /// p(k) for k = 0, 1, …, K − 1; non-negative, summing to 1.
    public var probabilities: [Double]

    /// Categorical(π); the probabilities must be non-negative and sum to 1 (within 1e-9).
    public init(probabilities: [Double]) {
        precondition(probabilities.allSatisfy { $0 >= 0 } && abs(probabilities.reduce(0, +) - 1) < 1e-9,
            "Categorical: probabilities must be non-negative and sum to 1")
        self.probabilities = probabilities
    }

    /// Categorical(softmax(logits)).
    public init(logits: [Double]) {
        let normaliser = Special.logSumExp(logits)
        self.init(probabilities: logits.map { exp($0 - normaliser) })
    }

    /// E[k] = Σₖ k p(k), the categories read as numbers 0…K − 1.
    public var mean: Double { probabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } }
    /// Var[k], the categories read as numbers 0…K − 1.
    public var variance: Double {
        let m = mean
        return probabilities.enumerated().reduce(0) { $0 + $1.element * (Double($1.offset) - m) * (Double($1.offset) - m) }
    }
    /// −Σₖ p(k) log p(k), in nats.
    public var entropy: Double { probabilities.reduce(0) { $0 - ($1 > 0 ? $1 * log($1) : 0) } }

    /// A category k with probability p(k).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
        var u = generator.uniform()
        for (index, probability) in probabilities.enumerated() {
            u -= probability
            if u < 0 { return index }
        }
        return probabilities.lastIndex { $0 > 0 } ?? 0
    }

    /// log p(k).
    public func logProb(_ x: Int) -> Double { log(probabilities[x]) }

    /// KL(self ‖ other) = Σ πₖ log(πₖ / ρₖ).
    public func kl(to other: Categorical) -> Double {
        zip(probabilities, other.probabilities).reduce(0) { $0 + ($1.0 > 0 ? $1.0 * log($1.0 / $1.1) : 0) }
    }
}
