/// The encoder of a variational autoencoder: a network from an image x to the parameters of
/// q_φ(z | x) = N(μ_φ(x), diag σ_φ(x)²), one diagonal Gaussian per image (amortised inference).
///
///     h = tanh(W₁ x + b₁),   μ = W_μ h + b_μ,   log σ = W_σ h + b_σ
///
/// (a Gaussian head: two linear outputs on a shared hidden layer). Shapes: images [n, D] → μ, log σ [n, d].
public final class GaussianEncoder: @unchecked Sendable {
    /// D → hidden units.
    public let hidden: DenseLayer
    /// hidden units → μ (d outputs).
    public let meanHead: DenseLayer
    /// hidden units → log σ (d outputs).
    public let logStandardDeviationHead: DenseLayer

    /// An encoder from `pixelCount` inputs through `hiddenUnits` tanh units to a `latentDimension`-dimensional Gaussian.
    public init<G: RandomNumberGenerator>(pixelCount: Int, hiddenUnits: Int, latentDimension: Int, using generator: inout G) {
        hidden = DenseLayer(inputs: pixelCount, outputs: hiddenUnits, using: &generator)
        meanHead = DenseLayer(inputs: hiddenUnits, outputs: latentDimension, using: &generator)
        logStandardDeviationHead = DenseLayer(inputs: hiddenUnits, outputs: latentDimension, using: &generator)
    }

    /// Every parameter φ, for an optimizer.
    public var parameters: [Parameter] { hidden.parameters + meanHead.parameters + logStandardDeviationHead.parameters }

    /// (μ, log σ) of q_φ(z | x) for a batch of images [n, D]: two tensors of shape [n, d].
    public func callAsFunction(_ images: Variable) -> (mean: Variable, logStandardDeviation: Variable) {
        let h = hidden(images).tanh()
        return (meanHead(h), logStandardDeviationHead(h))
    }
}
