/// Convergence and efficiency diagnostics for Markov chains (Gelman et al., BDA3 §11.4–11.5; Stan Reference
/// Manual, "Effective sample size"). Each function takes the draws of one scalar quantity: a single series,
/// or several chains of equal length ([M][N]).
public enum MCMCDiagnostics {
    /// The lag-k autocorrelation ρₖ = Σₜ (xₜ − x̄)(xₜ₊ₖ − x̄) / Σₜ (xₜ − x̄)², t over the n − k pairs
    /// (the usual biased estimator, which keeps the sequence positive definite). ρ₀ = 1.
    public static func autocorrelation(_ series: [Double], lag: Int) -> Double {
        let n = series.count
        precondition(lag >= 0 && lag < n, "autocorrelation: lag \(lag) is not in 0..<\(n)")
        let mean = series.reduce(0, +) / Double(n)
        var variance = 0.0
        for x in series { variance += (x - mean) * (x - mean) }
        return variance > 0 ? autocovariance(series, mean: mean, lag: lag) * Double(n) / variance : 0
    }

    /// ρ₀, ρ₁, …, ρ_maxLag of one series.
    public static func autocorrelations(_ series: [Double], maxLag: Int) -> [Double] {
        (0...min(maxLag, series.count - 1)).map { autocorrelation(series, lag: $0) }
    }

    /// The effective sample size of M chains of N draws: the number of independent draws that would estimate
    /// the mean as precisely, ESS = M N / τ with the integrated autocorrelation time τ = −1 + 2 Σₖ Pₖ.
    ///
    /// Combined autocorrelations across chains (Stan): ρ̂ₜ = 1 − (W − mean_m γₜ,ₘ) / var⁺, where γₜ,ₘ is chain
    /// m's lag-t autocovariance, W the mean within-chain variance and var⁺ = (N−1)/N · W + B/N. The pair sums
    /// Pₖ = ρ̂₂ₖ + ρ̂₂ₖ₊₁ are truncated at the first non-positive one (Geyer's initial positive sequence) and made
    /// non-increasing (initial monotone sequence).
    public static func effectiveSampleSize(_ chains: [[Double]]) -> Double {
        let m = chains.count
        precondition(m >= 1, "effectiveSampleSize: no chains")
        let n = chains[0].count
        precondition(n >= 4 && chains.allSatisfy { $0.count == n }, "effectiveSampleSize: chains of equal length ≥ 4")
        let means = chains.map { $0.reduce(0, +) / Double(n) }
        let withinVariance = zip(chains, means).map { autocovariance($0, mean: $1, lag: 0) * Double(n) / Double(n - 1) }
        let w = withinVariance.reduce(0, +) / Double(m)
        let varPlus = w * Double(n - 1) / Double(n) + betweenVariance(means)
        guard varPlus > 0 else { return Double(m * n) }
        func rho(_ t: Int) -> Double {
            let meanAutocovariance = zip(chains, means).reduce(0) { $0 + autocovariance($1.0, mean: $1.1, lag: t) } / Double(m)
            return 1 - (w - meanAutocovariance) / varPlus
        }
        var sum = 0.0
        var previousPair = Double.infinity
        var t = 0
        while t + 1 < n {
            var pair = (t == 0 ? 1 : rho(t)) + rho(t + 1)
            if pair <= 0 { break }
            pair = min(pair, previousPair)
            sum += pair
            previousPair = pair
            t += 2
        }
        let tau = max(-1 + 2 * sum, 1 / Double(m * n))
        return Double(m * n) / tau
    }

    /// The effective sample size of a single series.
    public static func effectiveSampleSize(_ series: [Double]) -> Double { effectiveSampleSize([series]) }

    /// Split R̂ (Gelman et al., BDA3 §11.4): each chain is cut into halves, giving M′ = 2M chains of n = ⌊N/2⌋
    /// draws; with W the mean within-chain variance and B/n the variance of the chain means,
    ///
    ///     R̂ = √(var⁺ / W),   var⁺ = (n − 1)/n · W + B/n.
    ///
    /// Near 1 for chains that have mixed; above 1.1 (or 1.01 by current advice) signals trouble.
    public static func splitRHat(_ chains: [[Double]]) -> Double {
        let n = (chains.first?.count ?? 0) / 2
        precondition(n >= 2 && chains.allSatisfy { $0.count / 2 == n }, "splitRHat: chains of equal length ≥ 4")
        let halves = chains.flatMap { [Array($0.prefix(n)), Array($0.suffix(n))] }
        let means = halves.map { $0.reduce(0, +) / Double(n) }
        let w = zip(halves, means).reduce(0) { $0 + autocovariance($1.0, mean: $1.1, lag: 0) * Double(n) / Double(n - 1) }
            / Double(halves.count)
        let varPlus = w * Double(n - 1) / Double(n) + betweenVariance(means)
        return w > 0 ? (varPlus / w).squareRoot() : .nan
    }

    /// γₖ = (1/n) Σₜ (xₜ − x̄)(xₜ₊ₖ − x̄).
    static func autocovariance(_ series: [Double], mean: Double, lag: Int) -> Double {
        let n = series.count
        return series.withUnsafeBufferPointer { x in
            var sum = 0.0
            for t in 0..<(n - lag) { sum += (x[t] - mean) * (x[t + lag] - mean) }
            return sum / Double(n)
        }
    }

    /// B/n: the sample variance of the chain means (0 for a single chain).
    static func betweenVariance(_ means: [Double]) -> Double {
        guard means.count > 1 else { return 0 }
        let grand = means.reduce(0, +) / Double(means.count)
        return means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)
    }
}
