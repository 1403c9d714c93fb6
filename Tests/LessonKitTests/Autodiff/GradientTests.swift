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
        expectGradients("matmul Bᵀ", [a, random([5, 4], seed: 16)]) {
            ($0[0].matmul($0[1], transposingOther: true) * $0[0].matmul($0[1], transposingOther: true)).sum()
        }
        expectGradients("transpose last axes", [random([2, 3, 4], seed: 17)]) {
            ($0[0].transposedLastAxes() * Variable(random([2, 4, 3], seed: 18))).sum()
        }
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

@Suite struct ConvolutionTests {
    let gradients = GradientTests()

    @Test func maskedConvolutionGradients() {
        let input = gradients.random([2, 2, 4, 4], seed: 20), kernel = gradients.random([3, 2, 3, 3], seed: 21)
        var mask = Tensor(repeating: 1, shape: [3, 2, 3, 3])
        for index in 0..<mask.count where index % 9 >= 4 { mask.scalars[index] = 0 }  // mask A: centre and after off
        let weights = Variable(gradients.random([2, 3, 4, 4], seed: 22))
        gradients.expectGradients("conv2d", [input, kernel]) { ($0[0].convolution2D(kernel: $0[1]) * weights).sum() }
        gradients.expectGradients("masked conv2d", [input, kernel]) { ($0[0].convolution2D(kernel: $0[1], mask: mask) * weights).sum() }
    }

    @Test func maskAMakesTheOutputBlindToItsOwnAndLaterPixels() {
        // With mask A no output pixel depends on its own input pixel or any pixel after it in raster order.
        var mask = Tensor(repeating: 1, shape: [1, 1, 3, 3])
        for index in 4..<9 { mask.scalars[index] = 0 }
        let kernel = Variable(Tensor(repeating: 1, shape: [1, 1, 3, 3]))
        for target in 0..<16 {
            let input = Variable(Tensor(repeating: 0.5, shape: [1, 1, 4, 4]), requiresGradient: true)
            let output = input.convolution2D(kernel: kernel, mask: mask)
            (output * Variable(Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map { $0 == target ? 1 : 0 }))).sum().backward()
            let influence = input.gradient!.scalars
            #expect(influence[target...].allSatisfy { $0 == 0 }, "pixel \(target) sees itself or a later pixel")
        }
    }

    @Test func causalConvolutionGradientsAndCausality() {
        let input = gradients.random([2, 2, 9], seed: 23), kernel = gradients.random([3, 2, 2], seed: 24)
        let weights = Variable(gradients.random([2, 3, 9], seed: 25))
        gradients.expectGradients("causal conv1d", [input, kernel]) { ($0[0].causalConvolution1D(kernel: $0[1], dilation: 2) * weights).sum() }
        let x = Variable(Tensor(repeating: 1, shape: [1, 1, 9]), requiresGradient: true)
        let y = x.causalConvolution1D(kernel: Variable(Tensor(repeating: 1, shape: [1, 1, 2])), dilation: 4)
        (y * Variable(Tensor(shape: [1, 1, 9], scalars: (0..<9).map { $0 == 6 ? 1 : 0 }))).sum().backward()
        #expect(x.gradient!.scalars == [0, 0, 1, 0, 0, 0, 1, 0, 0], "output 6 sees inputs 6 and 6 − 4 only")
    }
}

@Suite struct LSTMTests {
    @Test func gradientsThroughThreeTimeStepsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 30)
        let cell = LSTMCell(inputSize: 2, hiddenSize: 3, using: &generator)
        let inputs = (0..<3).map { _ in Tensor(randomNormal: [2, 2], using: &generator) }
        func loss() -> Variable {
            var state = (hidden: Variable(Tensor(repeating: 0, shape: [2, 3])), cell: Variable(Tensor(repeating: 0, shape: [2, 3])))
            for x in inputs { state = cell(Variable(x), state: state) }
            return (state.hidden * state.hidden).sum()
        }
        loss().backward()
        let h = 1e-6
        for parameter in cell.parameters {
            let analytic = parameter.gradient
            for k in 0..<parameter.value.count {
                let original = parameter.value
                parameter.value.scalars[k] += h
                let plus = loss().value.scalar
                parameter.value = original
                parameter.value.scalars[k] -= h
                let minus = loss().value.scalar
                parameter.value = original
                let numeric = (plus - minus) / (2 * h)
                #expect(abs(numeric - analytic.scalars[k]) <= 1e-6 * max(1, abs(numeric)), "tape \(analytic.scalars[k]) vs numeric \(numeric)")
            }
        }
    }
}
