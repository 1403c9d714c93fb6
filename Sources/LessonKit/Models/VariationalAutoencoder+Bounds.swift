import Foundation

// Bounds on log p_θ(x) for a trained VAE, and the q that the encoder would ideally give.

extension VariationalAutoencoder {
    /// log wₖ = log p_θ(x, zₖ) − log q(zₖ) for K draws zₖ ~ q = N(μ, diag σ²), one q per image ([n][d] means and
    /// log σ): [n][K]. Their mean is an estimate of ELBO(q); log (1/K) Σₖ wₖ is the importance-weighted estimate
    /// L̂_K (Burda, Grosse & Salakhutdinov 2016), with E[L̂_K] ≤ E[L̂_{K+1}] ≤ log p_θ(x).
    public func logImportanceWeights<G: RandomNumberGenerator>(
        images: [[Double]], means: [[Double]], logStandardDeviations: [[Double]], samples k: Int, using generator: inout G
    ) -> [[Double]] {
        precondition(images.count == means.count && means.count == logStandardDeviations.count,
            "logImportanceWeights: \(images.count) images, \(means.count) means, \(logStandardDeviations.count) log σ")
        precondition(k >= 1, "logImportanceWeights: K must be at least 1")
        let d = latentDimension
        let halfLogTwoPi = 0.5 * log(2 * Double.pi)
        var result: [[Double]] = []
        result.reserveCapacity(images.count)
        let imagesPerChunk = max(1, 40_000 / k)
        for start in stride(from: 0, to: images.count, by: imagesPerChunk) {
            let chunk = start..<min(start + imagesPerChunk, images.count)
            var pixels: [Double] = [], codes: [Double] = [], logPriorMinusLogQ: [Double] = []
            pixels.reserveCapacity(chunk.count * k * pixelCount)
            codes.reserveCapacity(chunk.count * k * d)
            for i in chunk {
                let sigma = logStandardDeviations[i].map { exp($0) }
                let logSigmaSum = logStandardDeviations[i].reduce(0, +)
                for _ in 0..<k {
                    pixels.append(contentsOf: images[i])
                    var logPrior = 0.0, logQ = -logSigmaSum
                    for j in 0..<d {
                        let epsilon = generator.gaussian()
                        let z = means[i][j] + sigma[j] * epsilon
                        codes.append(z)
                        logPrior += -halfLogTwoPi - 0.5 * z * z
                        logQ += -halfLogTwoPi - 0.5 * epsilon * epsilon
                    }
                    logPriorMinusLogQ.append(logPrior - logQ)
                }
            }
            let rows = chunk.count * k
            let logLikelihood = decoder.logLikelihood(
                Variable(Tensor(shape: [rows, pixelCount], scalars: pixels)), codes: Variable(Tensor(shape: [rows, d], scalars: codes))
            ).value.scalars
            for (offset, _) in chunk.enumerated() {
                result.append((0..<k).map { logLikelihood[offset * k + $0] + logPriorMinusLogQ[offset * k + $0] })
            }
        }
        return result
    }

    /// ``logImportanceWeights(images:means:logStandardDeviations:samples:using:)`` with the encoder's q_φ(z | x).
    public func logImportanceWeights<G: RandomNumberGenerator>(images: [[Double]], samples k: Int, using generator: inout G) -> [[Double]] {
        let q = encode(images)
        return logImportanceWeights(images: images, means: q.means, logStandardDeviations: q.logStandardDeviations, samples: k,
            using: &generator)
    }

    /// The q that amortisation gives up: for each image its own N(μ, diag σ²), started at the encoder's q_φ(z | x)
    /// and improved by `steps` Adam steps on its ELBO (`samples` reparameterised draws a step, the KL term in closed
    /// form), with the decoder fixed. Every image's (μ, log σ) is updated from its own ELBO alone.
    /// Returns μ and log σ, each [n][d].
    public func optimisedPosteriors<G: RandomNumberGenerator>(
        images: [[Double]], steps: Int, samples: Int = 10, learningRate: Double = 1e-2, using generator: inout G
    ) -> (means: [[Double]], logStandardDeviations: [[Double]]) {
        let start = encode(images)
        let n = images.count, d = latentDimension
        guard n > 0 else { return ([], []) }
        let mean = Parameter(Tensor(start.means)), logStandardDeviation = Parameter(Tensor(start.logStandardDeviations))
        var adam = Adam([mean, logStandardDeviation], learningRate: learningRate)
        let x = Variable(Tensor(images))
        for _ in 0..<steps {
            let mu = mean.variable(), logSigma = logStandardDeviation.variable()
            var reconstruction = Variable.constant(0)
            for _ in 0..<samples {
                let codes = mu + logSigma.exp() * Variable(Tensor(randomNormal: [n, d], using: &generator))
                reconstruction = reconstruction + decoder.logLikelihood(x, codes: codes).sum()
            }
            let negativeELBO = Self.klToStandardNormal(mean: mu, logStandardDeviation: logSigma).sum()
                - reconstruction * .constant(1 / Double(samples))
            negativeELBO.backward()
            adam.step()
        }
        return (Self.rows(mean.value), Self.rows(logStandardDeviation.value))
    }
}
