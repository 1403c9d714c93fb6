/// A probability distribution: draw samples and evaluate log-densities (or log-masses).
public protocol Distribution: Sendable {
    /// What a sample is: `Double`, `Int`, `[Double]`.
    associatedtype Value
    /// One draw.
    func sample<G: RandomNumberGenerator>(using generator: inout G) -> Value
    /// log p(x).
    func logProb(_ x: Value) -> Double
}

extension Distribution {
    /// `count` independent draws.
    public func samples<G: RandomNumberGenerator>(_ count: Int, using generator: inout G) -> [Value] {
        (0..<count).map { _ in sample(using: &generator) }
    }
}
