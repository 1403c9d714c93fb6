import Foundation
import LessonKit
import Testing

/// The VAE's pieces against independent references: every parameter's gradient of the ELBO against central
/// finite differences, the closed-form KL against `Normal.kl`, the log importance weights against densities
/// written out, and the bounds L_K against log p(x) computed by quadrature for a one-dimensional code.
@Suite struct VariationalAutoencoderTests {
    /// Central differences of `loss` in every entry of `parameters` (at most `limit` entries each) against the
    /// tape's gradient (tolerance 1e-6 relative to the gradient's size).
    func expectGradients(_ name: String, _ parameters: [Parameter], limit: Int = 12, loss: () -> Variable) {
        loss().backward()
        let tape = parameters.map(\.gradient)
        let h = 1e-6
        for (which, parameter) in parameters.enumerated() {
            for k in 0..<min(limit, parameter.value.count) {
                let original = parameter.value
                parameter.value.scalars[k] = original.scalars[k] + h
                let plus = loss().value.scalar
                parameter.value.scalars[k] = original.scalars[k] - h
                let minus = loss().value.scalar
                parameter.value = original
                let numeric = (plus - minus) / (2 * h)
                let analytic = tape[which].scalars[k]
                #expect(abs(numeric - analytic) <= 1e-6 * max(1, abs(numeric)), "\(name): parameter \(which)[\(k)] tape \(analytic) vs numeric \(numeric)")
            }
        }
    }

    /// Six binary "images" of 6 pixels.
    static let images: [[Double]] = (0..<6).map { n in (0..<6).map { Double((n * 7 + $0 * 3) % 5 < 2 ? 1 : 0) } }

    @Test func denseLayerGradientsMatchFiniteDifferences() {
        var generator = SeededGenerator(seed: 1)
        let layer = DenseLayer(inputs: 4, outputs: 3, using: &generator)
        layer.biases.value = Tensor(randomNormal: [3], using: &generator)
        let x = Variable(Tensor(randomNormal: [5, 4], using: &generator))
        let weights = Variable(Tensor(randomNormal: [5, 3], using: &generator))
        expectGradients("dense", layer.parameters) { (layer(x).tanh() * weights).sum() }
        // The forward pass against the definition y = x Wᵀ + b, entry by entry.
        let y = layer(x).value
        for i in 0..<5 { for o in 0..<3 {
            let expected = (0..<4).reduce(layer.biases.value.scalars[o]) { $0 + x.value.scalars[i * 4 + $1] * layer.weights.value.scalars[o * 4 + $1] }
            #expect(abs(y.scalars[i * 3 + o] - expected) < 1e-12)
        } }
    }

    @Test func everyParameterGradientOfTheELBOMatchesFiniteDifferences() {
        var generator = SeededGenerator(seed: 2)
        let vae = VariationalAutoencoder(pixelCount: 6, latentDimension: 2, hiddenUnits: 4, using: &generator)
        for parameter in vae.parameters { parameter.value = Tensor(randomNormal: parameter.value.shape, standardDeviation: 0.7, using: &generator) }
        let noise = Tensor(randomNormal: [6, 2], using: &generator)
        let x = Variable(Tensor(Self.images))
        expectGradients("−ELBO", vae.parameters, limit: 30) { -vae.elbo(x, noise: noise).sum() }
    }

    @Test func theKLTermIsTheSumOfOneDimensionalKLs() {
        let means = [[0.3, -1.2, 2.0], [0.0, 0.0, 0.0]], logSigmas = [[-0.5, 0.4, 1.1], [0.0, 0.0, 0.0]]
        let tape = VariationalAutoencoder.klToStandardNormal(mean: Variable(Tensor(means)), logStandardDeviation: Variable(Tensor(logSigmas)))
        for row in 0..<2 {
            let reference = (0..<3).reduce(0.0) {
                $0 + Normal(mean: means[row][$1], standardDeviation: exp(logSigmas[row][$1])).kl(to: Normal(mean: 0, standardDeviation: 1))
            }
            #expect(abs(tape.value.scalars[row] - reference) < 1e-12)
            #expect(abs(VariationalAutoencoder.klToStandardNormal(mean: means[row], logStandardDeviation: logSigmas[row]) - reference) < 1e-12)
        }
    }

    @Test func logImportanceWeightsAreLogJointMinusLogQ() {
        var generator = SeededGenerator(seed: 3)
        let vae = VariationalAutoencoder(pixelCount: 6, latentDimension: 2, hiddenUnits: 4, using: &generator)
        let means = [[0.5, -0.3], [1.0, 0.2]], logSigmas = [[-0.2, 0.1], [0.3, -0.7]]
        var draws = SeededGenerator(seed: 4), replay = SeededGenerator(seed: 4)
        let weights = vae.logImportanceWeights(images: Array(Self.images.prefix(2)), means: means, logStandardDeviations: logSigmas,
            samples: 3, using: &draws)
        for i in 0..<2 { for k in 0..<3 {
            let z = (0..<2).map { means[i][$0] + exp(logSigmas[i][$0]) * replay.gaussian() }
            let logits = vae.decoder(Variable(Tensor([z]))).value.scalars
            let logLikelihood = zip(Self.images[i], logits).reduce(0.0) { total, pair in
                let p = 1 / (1 + exp(-pair.1))
                return total + (pair.0 == 1 ? log(p) : log(1 - p))
            }
            let logPrior = z.reduce(0.0) { $0 + Normal(mean: 0, standardDeviation: 1).logProb($1) }
            let logQ = (0..<2).reduce(0.0) { $0 + Normal(mean: means[i][$1], standardDeviation: exp(logSigmas[i][$1])).logProb(z[$1]) }
            #expect(abs(weights[i][k] - (logLikelihood + logPrior - logQ)) < 1e-10, "image \(i), draw \(k)")
        } }
    }

    /// For a one-dimensional code, log p(x) = log ∫ N(z; 0, 1) p(x | z) dz by the midpoint rule: the bounds sit
    /// below it, rise with K, and L_K reaches it.
    @Test func importanceWeightedBoundsRiseInKTowardLogEvidence() {
        var generator = SeededGenerator(seed: 5)
        let vae = VariationalAutoencoder(pixelCount: 6, latentDimension: 1, hiddenUnits: 4, using: &generator)
        for parameter in vae.decoder.parameters { parameter.value = Tensor(randomNormal: parameter.value.shape, standardDeviation: 1.5, using: &generator) }
        let image = Self.images[1]
        let grid = stride(from: -12.0, to: 12.0, by: 0.001).map { $0 + 0.0005 }
        let logLikelihoods = vae.decoder.logLikelihood(Variable(Tensor(grid.map { _ in image })), codes: Variable(Tensor(grid.map { [$0] }))).value.scalars
        let logEvidence = Special.logSumExp(zip(grid, logLikelihoods).map { Normal(mean: 0, standardDeviation: 1).logProb($0) + $1 }) + log(0.001)
        func bound(_ k: Int, repetitions: Int) -> MonteCarloEstimate {
            let weights = vae.logImportanceWeights(images: [[Double]](repeating: image, count: repetitions), samples: k, using: &generator)
            return MonteCarloEstimate(terms: weights.map { Special.logSumExp($0) - log(Double(k)) })
        }
        let l1 = bound(1, repetitions: 20_000), l10 = bound(10, repetitions: 4_000), l1000 = bound(1_000, repetitions: 40)
        #expect(l1.value < l10.value - 4 * (l1.standardError + l10.standardError), "L₁ \(l1) < L₁₀ \(l10)")
        #expect(l10.value < logEvidence + 4 * l10.standardError, "L₁₀ \(l10) ≤ log p(x) \(logEvidence)")
        #expect(abs(l1000.value - logEvidence) < 0.05 + 4 * l1000.standardError, "L₁₀₀₀ \(l1000) ≈ log p(x) \(logEvidence)")
    }

    @Test func trainingLowersTheNegativeELBOAndPerExampleOptimisationRaisesTheELBO() throws {
        let digits = try Digits.load().binarized().split()
        var generator = SeededGenerator(seed: 6)
        let vae = VariationalAutoencoder(pixelCount: 64, latentDimension: 2, hiddenUnits: 32, using: &generator)
        let history = vae.train(on: Array(digits.train.images.prefix(500)), epochs: 15, learningRate: 3e-3, using: &generator)
        #expect(history.last! < history.first! - 5, "−ELBO per epoch: \(history)")
        let images = Array(digits.test.images.prefix(20))
        let optimised = vae.optimisedPosteriors(images: images, steps: 100, samples: 10, learningRate: 0.02, using: &generator)
        let amortised = vae.encode(images)
        let before = vae.logImportanceWeights(images: images, samples: 2_000, using: &generator).map { $0.reduce(0, +) / 2_000 }
        let after = vae.logImportanceWeights(images: images, means: optimised.means, logStandardDeviations: optimised.logStandardDeviations,
            samples: 2_000, using: &generator).map { $0.reduce(0, +) / 2_000 }
        let gain = zip(after, before).map { $0 - $1 }.reduce(0, +) / 20
        #expect(gain > 0.05, "mean ELBO gain per image \(gain)")
        #expect(amortised.means.count == 20 && optimised.means.allSatisfy { $0.count == 2 })
    }

    @Test func caviELBOOfAnyQMatchesTheFitsRecord() {
        let data = VariationalTests.mixtureData(dimension: 2, seed: 61)
        let cavi = GaussianMixtureCAVI(data: data, components: 3, priorVariance: 25)
        let fit = cavi.fit(iterations: 4, initialMeans: [[0, 0], [1, 0], [0, 1]])
        let value = cavi.elbo(means: fit.means, variances: fit.variances, responsibilities: fit.responsibilities)
        #expect(abs(value - fit.elboHistory.last!) < 1e-9 * abs(value))
        // A worse q (the means moved) has a lower ELBO.
        let moved = fit.means.map { $0.map { $0 + 0.5 } }
        #expect(cavi.elbo(means: moved, variances: fit.variances, responsibilities: fit.responsibilities) < value)
    }

    @Test func labelledScatterPlotWritesEachPointAsItsClass() {
        let plot = LabelledScatterPlot(x: [0, 1, 2], y: [1, 0, 2], classes: [3, 7, 3], title: "codes", xLabel: "z₁", yLabel: "z₂")
        let svg = plot.svg
        #expect(svg.components(separatedBy: ">3</text>").count == 3)
        #expect(svg.contains("class=\"lk-point lk-c7\""))
        #expect(svg == plot.svg)
    }
}
