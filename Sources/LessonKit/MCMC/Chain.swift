/// One Markov chain after warm-up: n draws of a d-dimensional state, stored row-major in one array
/// (`flatDraws[t * d + j]` is parameter j at iteration t), so recording a draw allocates nothing.
public struct Chain: Sendable {
    /// The draws kept after warm-up, row-major, n·d values.
    public var flatDraws: [Double]
    /// d, the number of parameters.
    public let dimension: Int
    /// Fraction of proposals accepted after warm-up (1 for Gibbs, which always accepts).
    public var acceptanceRate: Double
    /// The step size used after warm-up (frozen at the end of adaptation); 0 where there is none.
    public var stepSize: Double

    /// A chain of `draws` ([n][d]) with its acceptance rate and step size.
    public init(draws: [[Double]], acceptanceRate: Double = 1, stepSize: Double = 0) {
        self.init(flatDraws: draws.flatMap { $0 }, dimension: draws.first?.count ?? 0,
                  acceptanceRate: acceptanceRate, stepSize: stepSize)
    }

    /// A chain from row-major draws (n·d values).
    public init(flatDraws: [Double], dimension: Int, acceptanceRate: Double = 1, stepSize: Double = 0) {
        precondition(dimension == 0 ? flatDraws.isEmpty : flatDraws.count % dimension == 0,
                     "Chain: \(flatDraws.count) values do not fill rows of \(dimension)")
        self.flatDraws = flatDraws
        self.dimension = dimension
        self.acceptanceRate = acceptanceRate
        self.stepSize = stepSize
    }

    /// Number of draws n.
    public var count: Int { dimension == 0 ? 0 : flatDraws.count / dimension }

    /// The draws as rows, [n][d].
    public var draws: [[Double]] { (0..<count).map { Array(flatDraws[($0 * dimension)..<(($0 + 1) * dimension)]) } }

    /// The trace of parameter j: [x₀ⱼ, x₁ⱼ, …] (length n).
    public func values(_ parameter: Int) -> [Double] {
        precondition(parameter >= 0 && parameter < dimension, "Chain: no parameter \(parameter) of \(dimension)")
        return stride(from: parameter, to: flatDraws.count, by: dimension).map { flatDraws[$0] }
    }
}
