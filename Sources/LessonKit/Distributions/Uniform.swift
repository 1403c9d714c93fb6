import Foundation

/// The uniform distribution on [a, b).
public struct Uniform: Distribution {
    /// The lower end a (included).
    public var lower: Double
    /// The upper end b > a (excluded).
    public var upper: Double

    /// Uniform(lower, upper), lower < upper.
    public init(_ lower: Double, _ upper: Double) {
        precondition(lower < upper, "Uniform: lower \(lower) must be below upper \(upper)")
        self.lower = lower
        self.upper = upper
    }

    /// E[x] = (a + b) / 2.
    public var mean: Double { (lower + upper) / 2 }
    /// Var[x] = (b − a)² / 12.
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
    /// log(b − a), in nats.
    public var entropy: Double { log(upper - lower) }

    /// A draw from [a, b).
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        lower + (upper - lower) * generator.uniform()
    }

    /// −log(b − a) inside [a, b); −∞ outside.
    public func logProb(_ x: Double) -> Double { x >= lower && x < upper ? -log(upper - lower) : -.infinity }
}
