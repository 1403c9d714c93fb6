import Foundation

extension GaussianMixtureCAVI {
    /// The exact ELBO of any mean-field q(μ, c) = ∏ₖ N(μₖ; mₖ, s²ₖ I) ∏ᵢ Cat(cᵢ; φᵢ) for this model and data:
    /// `means` [K][D], `variances` [K], `responsibilities` [n][K] (each row summing to 1). The same formula
    /// ``fit(iterations:initialMeans:tolerance:)`` records in ``Fit/elboHistory``, for a q from anywhere (a CAVI
    /// sweep of your own, say).
    public func elbo(means: [[Double]], variances: [Double], responsibilities: [[Double]]) -> Double {
        let (n, d, k) = (count, dimension, components)
        precondition(means.count == k && means.allSatisfy { $0.count == d } && variances.count == k,
            "GaussianMixtureCAVI.elbo: means must be [\(k)][\(d)] and variances [\(k)]")
        precondition(responsibilities.count == n && responsibilities.allSatisfy { $0.count == k },
            "GaussianMixtureCAVI.elbo: responsibilities must be [\(n)][\(k)]")
        var counts = [Double](repeating: 0, count: k)
        var weightedSums = [Double](repeating: 0, count: k * d)
        var negativeEntropy = 0.0
        for i in 0..<n {
            for c in 0..<k {
                let p = responsibilities[i][c]
                counts[c] += p
                for j in 0..<d { weightedSums[c * d + j] += p * points[i * d + j] }
                if p > 0 { negativeEntropy += p * Foundation.log(p) }
            }
        }
        return elbo(means: means.flatMap { $0 }, variances: variances, counts: counts, weightedSums: weightedSums,
            sumOfSquares: points.reduce(0) { $0 + $1 * $1 }, negativeEntropy: negativeEntropy)
    }
}
