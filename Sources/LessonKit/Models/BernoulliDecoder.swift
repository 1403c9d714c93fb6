/// The decoder of a variational autoencoder: a network from a latent code z to independent Bernoulli pixels,
///
///     h = tanh(W₁ z + b₁),   ℓ = W₂ h + b₂,   p_θ(x | z) = ∏ᵢ σ(ℓᵢ)^{xᵢ} (1 − σ(ℓᵢ))^{1 − xᵢ}.
///
/// Shapes: codes [n, d] → logits [n, D].
public final class BernoulliDecoder: @unchecked Sendable {
    /// d → hidden units.
    public let hidden: DenseLayer
    /// hidden units → D logits.
    public let output: DenseLayer

    /// A decoder from a `latentDimension`-dimensional code through `hiddenUnits` tanh units to `pixelCount` logits.
    public init<G: RandomNumberGenerator>(latentDimension: Int, hiddenUnits: Int, pixelCount: Int, using generator: inout G) {
        hidden = DenseLayer(inputs: latentDimension, outputs: hiddenUnits, using: &generator)
        output = DenseLayer(inputs: hiddenUnits, outputs: pixelCount, using: &generator)
    }

    /// Every parameter θ, for an optimizer.
    public var parameters: [Parameter] { hidden.parameters + output.parameters }

    /// The logits ℓ of p_θ(xᵢ = 1 | z) for codes [n, d]: shape [n, D].
    public func callAsFunction(_ codes: Variable) -> Variable {
        output(hidden(codes).tanh())
    }

    /// log p_θ(x | z) = Σᵢ xᵢ ℓᵢ − softplus(ℓᵢ) for each row: images and codes of n rows → shape [n, 1].
    public func logLikelihood(_ images: Variable, codes: Variable) -> Variable {
        let logits = self(codes)
        let perPixel = images * logits - logits.softplus()
        return perPixel.matmul(Variable(Tensor(repeating: 1, shape: [perPixel.shape[1], 1])))
    }
}
