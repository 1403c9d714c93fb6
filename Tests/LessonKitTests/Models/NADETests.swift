import Foundation
import LessonKit
import Testing

/// NADE's running-sum forward pass and hand-written reverse sweep, against an independent naive model built from
/// the tape's primitives (every hᵢ from its own masked product, O(D²H)), and against finite differences.
@Suite struct NADETests {
    /// The naive NADE: hᵢ = σ((x ⊙ mᵢ) Wᵀ + c) with mᵢ the mask of the pixels before i, ℓᵢ = bᵢ + column i of
    /// hᵢ Vᵀ. Only primitives of the tape, whose backward rules GradientTests checks.
    static func naiveLogits(_ model: NADE, _ images: Variable) -> Variable {
        let (d, w, c, v) = (model.pixelCount, model.inputWeights.variable(), model.hiddenBiases.variable(), model.outputWeights.variable())
        var columns: [Variable] = []
        for i in 0..<d {
            let mask = Variable(Tensor(shape: [1, d], scalars: (0..<d).map { $0 < i ? 1 : 0 }))
            let hidden = ((images * mask).matmul(w, transposingOther: true) + c).sigmoid()
            columns.append(hidden.matmul(v, transposingOther: true).gathered(from: [i]))
        }
        return Variable.concatenated(columns) + model.outputBiases.variable()
    }

    static func model(pixels: Int, hidden: Int, seed: UInt64) -> NADE {
        var generator = SeededGenerator(seed: seed)
        let model = NADE(pixelCount: pixels, hiddenUnits: hidden, using: &generator)
        randomiseParameters(of: model, seed: seed + 1)
        return model
    }

    static func images(_ count: Int, pixels: Int, seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<pixels).map { _ in generator.uniform() < 0.4 ? 1 : 0 } }
    }

    @Test func logitsAndGradientsMatchTheNaiveModel() {
        let model = Self.model(pixels: 10, hidden: 7, seed: 11)
        let data = Self.images(5, pixels: 10, seed: 12)
        // A loss that weighs every logit differently, so that a gradient sent to the wrong pixel shows.
        let weights = Variable(Tensor(shape: [5, 10], scalars: (0..<50).map { Double($0 % 7) - 2.5 }))
        func gradients(_ logits: (Variable) -> Variable) -> (values: [Double], gradients: [[Double]]) {
            let x = Variable(Tensor(data), requiresGradient: true)
            let output = logits(x)
            ((output * output).sum() * .constant(0.1) + (output * weights).sum()).backward()
            return (output.value.scalars, [x.gradient!.scalars] + model.parameters.map(\.gradient.scalars))
        }
        let fast = gradients(model.logits), naive = gradients { Self.naiveLogits(model, $0) }
        #expect(zip(fast.values, naive.values).allSatisfy { abs($0 - $1) < 1e-12 })
        for (index, (a, b)) in zip(fast.gradients, naive.gradients).enumerated() {
            #expect(a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-10 }, "gradient \(index) (0: images, then W, c, V, b)")
        }
    }

    @Test func gradientOfTheNLLMatchesFiniteDifferences() {
        let model = Self.model(pixels: 6, hidden: 4, seed: 21)
        let data = Self.images(8, pixels: 6, seed: 22)
        func nll() -> Double { model.negativeLogLikelihood(data) }
        let x = Variable(Tensor(data))
        binaryCrossEntropy(logits: model.logits(x), targets: x).backward()
        let scale = Double(6)   // the mean over n·D entries times D is the NLL per image
        for parameter in model.parameters {
            let analytic = parameter.gradient.scalars.map { $0 * scale }
            for k in stride(from: 0, to: parameter.value.count, by: 3) {
                let saved = parameter.value
                var plus = saved, minus = saved
                plus.scalars[k] += 1e-6
                minus.scalars[k] -= 1e-6
                parameter.value = plus
                let up = nll()
                parameter.value = minus
                let down = nll()
                parameter.value = saved
                #expect(abs((up - down) / 2e-6 - analytic[k]) < 1e-6, "∂NLL/∂θ[\(k)] of shape \(saved.shape)")
            }
        }
    }

    @Test func probabilitiesOfAllThreeByThreeImagesSumToOneAndNoPixelSeesItself() {
        let model = Self.model(pixels: 9, hidden: 5, seed: 31)
        let patterns: [[Double]] = (0..<512).map { code in (0..<9).map { Double((code >> (8 - $0)) & 1) } }
        #expect(abs(patterns.map { Foundation.exp(model.logProbability(of: $0)) }.reduce(0, +) - 1) < 1e-12)
        for pixel in 0..<9 {
            let influence = model.influence(on: pixel)
            #expect(!influence[pixel...].contains(true), "pixel \(pixel) depends on itself or a later pixel")
            #expect(influence[..<pixel].allSatisfy { $0 }, "pixel \(pixel) sees every earlier pixel")
        }
    }
}
