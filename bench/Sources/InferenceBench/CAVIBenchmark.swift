import Foundation
import LessonKit

/// CAVI for the Bayesian mixture of unit-variance Gaussians (K = 3, σ² = 100) on 1,000 points from three
/// clusters in 2-D, started from the first three points; writes the data to `csvPath` (x, y per line) so the
/// NumPy and scikit-learn peers read exactly the same points.
struct CAVIBenchmark {
    let iterations: Int
    let csvPath: String
    static let centres: [[Double]] = [[-4, 0], [0, 3], [4, -1]]

    static func data() -> [[Double]] {
        var generator = SeededGenerator(seed: 2026)
        return (0..<1_000).map { i in centres[i % 3].map { $0 + generator.gaussian() } }
    }

    func run() {
        let data = Self.data()
        let text = data.map { "\($0[0].description),\($0[1].description)" }.joined(separator: "\n") + "\n"
        try! text.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let cavi = GaussianMixtureCAVI(data: data, components: 3, priorVariance: 100)
        let initial = Array(data.prefix(3))
        var fit: GaussianMixtureCAVI.Fit?
        let elapsed = seconds { fit = cavi.fit(iterations: iterations, initialMeans: initial) }
        let result = fit!
        print("seconds", elapsed)
        print("seconds_per_iteration", elapsed / Double(iterations))
        print("elbo", result.elboHistory.last!)
        for (k, mean) in result.means.enumerated() { for (j, value) in mean.enumerated() { print("mean_\(k)_\(j)", value) } }
    }
}
