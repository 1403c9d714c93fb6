/// One Markov chain after warm-up: `draws[t][j]` is parameter j at iteration t (shape [n, d]).
public struct Chain: Sendable {
    /// The draws kept after warm-up, [n][d].
    public var draws: [[Double]]
    /// Fraction of proposals accepted after warm-up (1 for Gibbs, which always accepts).
    public var acceptanceRate: Double
    /// The step size used after warm-up (frozen at the end of adaptation); 0 where there is none.
    public var stepSize: Double

    /// A chain of `draws` with its acceptance rate and step size.
    public init(draws: [[Double]], acceptanceRate: Double = 1, stepSize: Double = 0) {
        self.draws = draws
        self.acceptanceRate = acceptanceRate
        self.stepSize = stepSize
    }

    /// Number of draws n.
    public var count: Int { draws.count }
    /// Number of parameters d.
    public var dimension: Int { draws.first?.count ?? 0 }

    /// The trace of parameter j: [draws[0][j], draws[1][j], …] (length n).
    public func values(_ parameter: Int) -> [Double] { draws.map { $0[parameter] } }
}
