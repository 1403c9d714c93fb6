import Foundation

/// Coordinate-ascent variational inference for the Bayesian mixture of unit-variance Gaussians (Blei,
/// Kucukelbir & McAuliffe 2017, §3, Algorithm 2), in ℝᴰ:
///
///     μₖ ~ N(0, σ² I),  cᵢ ~ Uniform{1..K},  xᵢ | cᵢ, μ ~ N(μ_cᵢ, I);
///     q(μₖ) = N(mₖ, s²ₖ I),  q(cᵢ) = Categorical(φᵢ).
///
/// Each iteration updates every factor to its optimum given the others, so the ELBO never decreases:
///
///     φᵢₖ ∝ exp(xᵢ·mₖ − ½(‖mₖ‖² + D s²ₖ))
///     mₖ = Σᵢ φᵢₖ xᵢ / (1/σ² + Nₖ),   s²ₖ = 1 / (1/σ² + Nₖ),   Nₖ = Σᵢ φᵢₖ.
///
/// ```swift
/// let cavi = GaussianMixtureCAVI(data: points, components: 3, priorVariance: 100)
/// var random = SeededGenerator(seed: 1)
/// let fit = cavi.fit(iterations: 100, using: &random)
/// show(LinePlot(title: "ELBO", xLabel: "iteration").line(fit.elboHistory))
/// ```
public struct GaussianMixtureCAVI: Sendable {
    /// The result of a run.
    public struct Fit: Sendable {
        /// mₖ, [K][D].
        public var means: [[Double]]
        /// s²ₖ, [K].
        public var variances: [Double]
        /// φᵢ, [n][K].
        public var responsibilities: [[Double]]
        /// The ELBO after each iteration (non-decreasing).
        public var elboHistory: [Double]
    }

    /// xᵢ, stored row-major: element j of xᵢ is `points[i * dimension + j]` (n·D values).
    public let points: [Double]
    /// n.
    public let count: Int
    /// D.
    public let dimension: Int
    /// K.
    public let components: Int
    /// σ², the prior variance of each mean coordinate.
    public let priorVariance: Double

    /// CAVI for `data` ([n][D]) with `components` clusters and prior N(0, `priorVariance` I) on each mean.
    public init(data: [[Double]], components: Int, priorVariance: Double) {
        precondition(!data.isEmpty && components >= 1 && priorVariance > 0, "GaussianMixtureCAVI: needs data, K ≥ 1, σ² > 0")
        let width = data[0].count
        precondition(data.allSatisfy { $0.count == width }, "GaussianMixtureCAVI: points of different dimensions")
        dimension = width
        points = data.flatMap { $0 }
        count = data.count
        self.components = components
        self.priorVariance = priorVariance
    }

    /// Runs from means at K distinct data points chosen at random (s²ₖ = 1), for `iterations` iterations or
    /// until the ELBO rises by less than `tolerance` (relative).
    public func fit<G: RandomNumberGenerator>(iterations: Int, tolerance: Double = 0, using generator: inout G) -> Fit {
        var chosen: [Int] = []
        while chosen.count < min(components, count) {
            let index = Int.random(in: 0..<count, using: &generator)
            if !chosen.contains(index) { chosen.append(index) }
        }
        while chosen.count < components { chosen.append(chosen.count % count) }
        let initial = chosen.map { Array(points[($0 * dimension)..<(($0 + 1) * dimension)]) }
        return fit(iterations: iterations, initialMeans: initial, tolerance: tolerance)
    }

    /// Runs from the given initial means ([K][D]) with s²ₖ = 1.
    public func fit(iterations: Int, initialMeans: [[Double]], tolerance: Double = 0) -> Fit {
        precondition(initialMeans.count == components && initialMeans.allSatisfy { $0.count == dimension },
            "GaussianMixtureCAVI: initial means must be [K][D] = [\(components)][\(dimension)]")
        let (n, d, k) = (count, dimension, components)
        var m = initialMeans.flatMap { $0 }
        var s2 = [Double](repeating: 1, count: k)
        var phi = [Double](repeating: 0, count: n * k)
        var history: [Double] = []
        let sumOfSquares = points.reduce(0) { $0 + $1 * $1 }
        var nk = [Double](repeating: 0, count: k)
        var sk = [Double](repeating: 0, count: k * d)
        for _ in 0..<iterations {
            let negativeEntropy = updateAssignments(means: m, variances: s2, responsibilities: &phi, counts: &nk, weightedSums: &sk)
            // q(μₖ): s²ₖ = 1/(1/σ² + Nₖ), mₖ = s²ₖ Sₖ.
            for c in 0..<k {
                s2[c] = 1 / (1 / priorVariance + nk[c])
                for j in 0..<d { m[c * d + j] = s2[c] * sk[c * d + j] }
            }
            history.append(elbo(means: m, variances: s2, counts: nk, weightedSums: sk,
                                sumOfSquares: sumOfSquares, negativeEntropy: negativeEntropy))
            if history.count > 1, tolerance > 0,
               abs(history[history.count - 1] - history[history.count - 2]) <= tolerance * abs(history[history.count - 1]) { break }
        }
        return Fit(
            means: (0..<k).map { Array(m[($0 * d)..<(($0 + 1) * d)]) }, variances: s2,
            responsibilities: (0..<n).map { Array(phi[($0 * k)..<(($0 + 1) * k)]) }, elboHistory: history)
    }

    /// The q(cᵢ) update for every i: φᵢₖ ∝ exp(xᵢ·mₖ − ½(‖mₖ‖² + D s²ₖ)), by a stable softmax. Accumulates
    /// Nₖ = Σᵢ φᵢₖ and Sₖ = Σᵢ φᵢₖ xᵢ on the way; returns Σᵢₖ φᵢₖ log φᵢₖ. (Unsafe buffers keep the inner
    /// loop free of bounds checks: this is where CAVI spends its time.)
    func updateAssignments(
        means m: [Double], variances s2: [Double], responsibilities: inout [Double], counts: inout [Double],
        weightedSums: inout [Double]
    ) -> Double {
        let (n, d, k) = (count, dimension, components)
        let offsets = (0..<k).map { c in -0.5 * ((0..<d).reduce(0) { $0 + m[c * d + $1] * m[c * d + $1] } + Double(d) * s2[c]) }
        var logits = [Double](repeating: 0, count: k)
        var weights = [Double](repeating: 0, count: k)
        var negativeEntropy = 0.0
        points.withUnsafeBufferPointer { x in
        m.withUnsafeBufferPointer { m in
        responsibilities.withUnsafeMutableBufferPointer { phi in
        counts.withUnsafeMutableBufferPointer { nk in
        weightedSums.withUnsafeMutableBufferPointer { sk in
        logits.withUnsafeMutableBufferPointer { logits in
        weights.withUnsafeMutableBufferPointer { weights in
            for c in 0..<k { nk[c] = 0 }
            for j in 0..<(k * d) { sk[j] = 0 }
            for i in 0..<n {
                var largest = -Double.infinity
                for c in 0..<k {
                    var dot = 0.0
                    for j in 0..<d { dot += x[i * d + j] * m[c * d + j] }
                    logits[c] = dot + offsets[c]
                    largest = max(largest, logits[c])
                }
                var total = 0.0
                for c in 0..<k {
                    logits[c] -= largest
                    weights[c] = exp(logits[c])
                    total += weights[c]
                }
                let logTotal = log(total)
                for c in 0..<k {
                    let p = weights[c] / total
                    phi[i * k + c] = p
                    nk[c] += p
                    for j in 0..<d { sk[c * d + j] += p * x[i * d + j] }
                    // log φᵢₖ = (logitᵢₖ − largest) − log Σ; 0 · log 0 = 0.
                    if p > 0 { negativeEntropy += p * (logits[c] - logTotal) }
                }
            }
        } } } } } } }
        return negativeEntropy
    }

    /// The exact ELBO from the sufficient statistics Nₖ = Σᵢ φᵢₖ, Sₖ = Σᵢ φᵢₖ xᵢ, Σᵢ‖xᵢ‖² and Σᵢₖ φᵢₖ log φᵢₖ:
    ///
    ///     Σₖ E[log p(μₖ)] = Σₖ [−(D/2) log(2πσ²) − (‖mₖ‖² + D s²ₖ)/(2σ²)]
    ///     Σᵢ E[log p(cᵢ)] = −n log K
    ///     Σᵢ E[log p(xᵢ | cᵢ, μ)] = −(nD/2) log 2π − ½ Σᵢ‖xᵢ‖² + Σₖ [mₖ·Sₖ − ½ Nₖ (‖mₖ‖² + D s²ₖ)]
    ///     − Σᵢ E[log q(cᵢ)] = −Σᵢₖ φᵢₖ log φᵢₖ,   − Σₖ E[log q(μₖ)] = Σₖ (D/2) log(2πe s²ₖ).
    func elbo(means m: [Double], variances s2: [Double], counts nk: [Double], weightedSums sk: [Double],
              sumOfSquares: Double, negativeEntropy: Double) -> Double {
        let (n, d, k) = (Double(count), Double(dimension), components)
        var total = -n * log(Double(k)) - 0.5 * n * d * log(2 * Double.pi) - 0.5 * sumOfSquares - negativeEntropy
        for c in 0..<k {
            var squaredNorm = 0.0, dot = 0.0
            for j in 0..<dimension {
                squaredNorm += m[c * dimension + j] * m[c * dimension + j]
                dot += m[c * dimension + j] * sk[c * dimension + j]
            }
            let secondMoment = squaredNorm + d * s2[c]
            total += -0.5 * d * log(2 * Double.pi * priorVariance) - secondMoment / (2 * priorVariance)
            total += dot - 0.5 * nk[c] * secondMoment
            total += 0.5 * d * log(2 * Double.pi * M_E * s2[c])
        }
        return total
    }
}
