import Foundation
import LessonKit
import Testing

/// Every primitive's backward rule against central finite differences at random points (Double precision,
/// step 1e-6, tolerance 1e-6 relative to the gradient's size).
@Suite struct GradientTests {
    /// Compares the tape's gradient of `f` at `inputs` with finite differences of `f`.
    func expectGradients(_ name: String, _ inputs: [Tensor], _ f: ([Variable]) -> Variable) {
        let variables = inputs.map { Variable($0, requiresGradient: true) }
        f(variables).backward()
        let h = 1e-6
        for (which, input) in inputs.enumerated() {
            for k in 0..<input.count {
                var plus = inputs, minus = inputs
                plus[which].scalars[k] += h
                minus[which].scalars[k] -= h
                let numeric = (f(plus.map { Variable($0) }).value.scalar - f(minus.map { Variable($0) }).value.scalar) / (2 * h)
                let analytic = variables[which].gradient?.scalars[k] ?? 0
                #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(numeric)), "\(name): input \(which)[\(k)] tape \(analytic) vs numeric \(numeric)")
            }
        }
    }

    func random(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        let tensor = Tensor(randomNormal: shape, using: &generator)
        return positive ? tensor.map { abs($0) + 0.5 } : tensor
    }

    @Test func elementwiseAndBroadcasting() {
        let a = random([3, 4], seed: 1), b = random([4], seed: 2), c = random([3, 1], seed: 3)
        expectGradients("add", [a, b]) { ($0[0] + $0[1]).sum() }
        expectGradients("mul", [a, c]) { ($0[0] * $0[1] * $0[0]).sum() }
        expectGradients("sub/neg", [a, b]) { ($0[0] - $0[1] * $0[1]).sum() }
        expectGradients("mean", [a]) { ($0[0] * $0[0]).mean() }
    }

    @Test func unaryFunctions() {
        let x = random([2, 3], seed: 4), positive = random([2, 3], seed: 5, positive: true)
        expectGradients("exp", [x]) { $0[0].exp().sum() }
        expectGradients("log", [positive]) { $0[0].log().sum() }
        expectGradients("tanh", [x]) { $0[0].tanh().sum() }
        expectGradients("sigmoid", [x]) { $0[0].sigmoid().sum() }
        expectGradients("softplus", [x]) { $0[0].softplus().sum() }
        expectGradients("relu", [x.map { $0 + ($0 > 0 ? 0.1 : -0.1) }]) { ($0[0].relu() * $0[0]).sum() }
    }

    @Test func matrixProductReshapeAndLogSumExp() {
        let a = random([3, 4], seed: 6), b = random([4, 2], seed: 7)
        expectGradients("matmul", [a, b]) { ($0[0].matmul($0[1]) * $0[0].matmul($0[1])).sum() }
        expectGradients("reshape", [a]) { ($0[0].reshaped([2, 6]) * Variable(random([2, 6], seed: 8))).sum() }
        expectGradients("logsumexp", [a]) { ($0[0].logSumExp() * Variable(random([3, 1], seed: 9))).sum() }
    }

    @Test func lossesFromLogits() {
        let logits = random([5, 3], seed: 10)
        let targets = Tensor(shape: [5, 3], scalars: (0..<15).map { $0 % 3 == $0 / 3 % 3 ? 1 : 0 })
        expectGradients("binary cross-entropy", [logits]) { binaryCrossEntropy(logits: $0[0], targets: Variable(targets)) }
        expectGradients("cross-entropy", [logits]) { crossEntropy(logits: $0[0], oneHotTargets: Variable(targets)) }
        expectGradients("mse", [logits]) { meanSquaredError($0[0], Variable(targets)) }
        // Binary cross-entropy from logits equals its definition −[y log σ + (1−y) log(1−σ)] and stays finite.
        let value = binaryCrossEntropy(logits: Variable(Tensor([800, -800, 0])), targets: Variable(Tensor([1, 0, 1]))).value.scalar
        #expect(abs(value - log(2) / 3) < 1e-12)
    }
}
