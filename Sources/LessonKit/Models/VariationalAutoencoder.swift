import Foundation

/// A variational autoencoder (Kingma & Welling 2014) for binary images: a latent code z ∈ ℝᵈ with prior
/// p(z) = N(0, I), a ``BernoulliDecoder`` p_θ(x | z), and a ``GaussianEncoder`` q_φ(z | x) = N(μ_φ(x), diag σ_φ(x)²)
/// that infers the code of any image in one pass (amortised inference). Both are trained together on the ELBO
///
///     ELBO(x) = E_{q_φ(z|x)}[log p_θ(x | z)] − KL(q_φ(z | x) ‖ p(z)),
///
/// the expectation estimated with one reparameterised draw z = μ + σ ⊙ ε, ε ~ N(0, I), and the KL term in
/// closed form (``klToStandardNormal(mean:logStandardDeviation:)-(Variable,Variable)``).
///
/// ```swift
/// let vae = VariationalAutoencoder(pixelCount: 64, latentDimension: 2, hiddenUnits: 64, using: &random)
/// let history = vae.train(on: train.images, epochs: 100, learningRate: 3e-3, using: &random)   // −ELBO per epoch
/// let weights = vae.logImportanceWeights(images: test.images, samples: 100, using: &random)    // log p(x, z) − log q(z | x)
/// ```
public final class VariationalAutoencoder: @unchecked Sendable {
    /// q_φ(z | x).
    public let encoder: GaussianEncoder
    /// p_θ(x | z).
    public let decoder: BernoulliDecoder
    /// D, pixels per image.
    public let pixelCount: Int
    /// d, the dimension of z.
    public let latentDimension: Int

    /// A VAE with `hiddenUnits` tanh units in the encoder and in the decoder.
    public init<G: RandomNumberGenerator>(pixelCount: Int, latentDimension: Int, hiddenUnits: Int, using generator: inout G) {
        self.pixelCount = pixelCount
        self.latentDimension = latentDimension
        encoder = GaussianEncoder(pixelCount: pixelCount, hiddenUnits: hiddenUnits, latentDimension: latentDimension, using: &generator)
        decoder = BernoulliDecoder(latentDimension: latentDimension, hiddenUnits: hiddenUnits, pixelCount: pixelCount, using: &generator)
    }

    /// φ and θ, for an optimizer.
    public var parameters: [Parameter] { encoder.parameters + decoder.parameters }

    /// Number of trained numbers in φ and θ.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σⱼ (μⱼ² + σⱼ² − 1 − 2 log σⱼ) for each row, on the tape: [n, d] → [n, 1].
    public static func klToStandardNormal(mean: Variable, logStandardDeviation: Variable) -> Variable {
        let twiceLog = logStandardDeviation * .constant(2)
        let terms = mean * mean + twiceLog.exp() - twiceLog - .constant(1)
        return terms.matmul(Variable(Tensor(repeating: 0.5, shape: [terms.shape[1], 1])))
    }

    /// KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σⱼ (μⱼ² + σⱼ² − 1 − 2 log σⱼ) for one code, in nats.
    public static func klToStandardNormal(mean: [Double], logStandardDeviation: [Double]) -> Double {
        precondition(mean.count == logStandardDeviation.count, "klToStandardNormal: \(mean.count) means, \(logStandardDeviation.count) log σ")
        return zip(mean, logStandardDeviation).reduce(0) { $0 + 0.5 * ($1.0 * $1.0 + exp(2 * $1.1) - 1 - 2 * $1.1) }
    }

    /// The one-draw ELBO of each image on the tape, E_q[log p(x | z)] at z = μ + σ ⊙ ε minus the closed-form KL:
    /// images [n, D] and noise ε [n, d] → [n, 1].
    public func elbo(_ images: Variable, noise: Tensor) -> Variable {
        let (mean, logStandardDeviation) = encoder(images)
        let codes = mean + logStandardDeviation.exp() * Variable(noise)
        return decoder.logLikelihood(images, codes: codes) - Self.klToStandardNormal(mean: mean, logStandardDeviation: logStandardDeviation)
    }

    /// Trains φ and θ by minibatch Adam on the mean −ELBO per image (one draw of ε per image and step),
    /// reshuffling every epoch. Returns the mean one-draw −ELBO of each epoch, in nats per image. The cell's output
    /// gets one line, "training the VAE ▕████████████████████▏ 100/100 epochs".
    @discardableResult
    public func train<G: RandomNumberGenerator>(
        on images: [[Double]], epochs: Int, batchSize: Int = 100, learningRate: Double = 1e-3, using generator: inout G
    ) -> [Double] {
        precondition(images.allSatisfy { $0.count == pixelCount }, "VariationalAutoencoder.train: images of \(pixelCount) pixels")
        let bar = ProgressBar("training the VAE", total: epochs, unit: "epochs")
        let history = TrainingCache.reuse(
            kind: "train \(String(reflecting: type(of: self)))", parameters: parameters,
            probe: {
                let codes = encode(Array(images.prefix(8)))
                return Array(codes.means.joined()) + Array(codes.logStandardDeviations.joined()) + Array(decode(codes.means).joined())
            },
            inputs: { key in
                key.add(images)
                [epochs, batchSize, latentDimension].forEach { key.add($0) }
                key.add(learningRate)
            },
            generator: &generator
        ) { generator in
            ELBOHistory(trainUncached(on: images, epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                bar: bar, using: &generator))
        }.values
        bar.advance(to: history.count)
        bar.finish()
        return history
    }

    private func trainUncached<G: RandomNumberGenerator>(
        on images: [[Double]], epochs: Int, batchSize: Int, learningRate: Double, bar: ProgressBar, using generator: inout G
    ) -> [Double] {
        var adam = Adam(parameters, learningRate: learningRate)
        var order = Array(images.indices)
        var history: [Double] = []
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            var total = 0.0
            for start in stride(from: 0, to: order.count, by: batchSize) {
                let batch = order[start..<min(start + batchSize, order.count)].map { images[$0] }
                let noise = Tensor(randomNormal: [batch.count, latentDimension], using: &generator)
                let elbos = elbo(Variable(Tensor(batch)), noise: noise)
                let loss = -elbos.sum() * .constant(1 / Double(batch.count))
                loss.backward()
                adam.step()
                total -= elbos.value.sum().scalar
            }
            history.append(total / Double(images.count))
            bar.advance()
        }
        return history
    }

    /// The encoder's q_φ(z | x) of each image: μ and log σ, each [n][d].
    public func encode(_ images: [[Double]]) -> (means: [[Double]], logStandardDeviations: [[Double]]) {
        guard !images.isEmpty else { return ([], []) }
        let (mean, logStandardDeviation) = encoder(Variable(Tensor(images)))
        return (Self.rows(mean.value), Self.rows(logStandardDeviation.value))
    }

    /// p_θ(xᵢ = 1 | z) for each code ([n][d] → [n][D]): the decoder's mean image.
    public func decode(_ codes: [[Double]]) -> [[Double]] {
        guard !codes.isEmpty else { return [] }
        return Self.rows(decoder(Variable(Tensor(codes))).value.map(Special.sigmoid))
    }

    /// The rows of a matrix.
    static func rows(_ matrix: Tensor) -> [[Double]] {
        let columns = matrix.shape[1]
        return (0..<matrix.shape[0]).map { Array(matrix.scalars[($0 * columns)..<(($0 + 1) * columns)]) }
    }
}
