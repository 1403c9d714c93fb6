import Foundation

/// The uniform distribution on [a, b).
public struct Uniform: Distribution {
    public var lower: Double
    public var upper: Double

    /// Uniform(lower, upper), lower < upper.
    public init(_ lower: Double, _ upper: Double) {
        precondition(lower < upper, "Uniform: lower \(lower) must be below upper \(upper)")
        self.lower = lower
        self.upper = upper
    }

    public var mean: Double { (lower + upper) / 2 }
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
    public var entropy: Double { log(upper - lower) }

    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        lower + (upper - lower) * generator.uniform()
    }

    public func logProb(_ x: Double) -> Double { x >= lower && x < upper ? -log(upper - lower) : -.infinity }
}
