import Foundation
import LessonKit

/// Random-walk Metropolis–Hastings on N(0, Σ) in 10 dimensions, Σᵢⱼ = 0.5^|i−j|, with the step fixed at
/// 0.35 (no adaptation, no warm-up), the same target, step and number of draws as bench/inference/peers.py.
struct MetropolisBenchmark {
    let drawsPerChain: Int
    let chains: Int
    static let dimension = 10
    static let stepSize = 0.35

    /// Λ = Σ⁻¹, row-major (10·10), computed once.
    static func precision() -> [Double] {
        let d = dimension
        let covariance = (0..<d).map { i in (0..<d).map { j in pow(0.5, Double(abs(i - j))) } }
        return Cholesky.inverse(factor: Cholesky.factor(covariance)!).flatMap { $0 }
    }

    func run() {
        let precision = Self.precision()
        let d = Self.dimension
        // log π̃(x) = −½ xᵀΛx.
        let mh = MetropolisHastings(stepSize: Self.stepSize, adaptsStepSize: false) { x in
            var quadratic = 0.0
            for i in 0..<d {
                var row = 0.0
                for j in 0..<d { row += precision[i * d + j] * x[j] }
                quadratic += x[i] * row
            }
            return -0.5 * quadratic
        }
        let starts = [[Double]](repeating: [Double](repeating: 0, count: d), count: chains)
        var samples: MCMCSamples?
        let elapsed = seconds { samples = mh.sample(from: starts, draws: drawsPerChain, warmUp: 0, seed: 2026) }
        let result = samples!
        let total = Double(drawsPerChain * chains)
        print("seconds", elapsed)
        print("draws_per_second", total / elapsed)
        print("acceptance", result.acceptanceRates.reduce(0, +) / Double(chains))
        print("mean_x0", result.mean(0))
        print("variance_x0", result.variance(0))
    }
}
