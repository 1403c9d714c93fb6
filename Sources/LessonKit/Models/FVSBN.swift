/// A fully visible sigmoid belief network: one logistic regression per pixel on all the pixels before it,
///
///     p(xᵢ = 1 | x₍<ᵢ₎) = σ(bᵢ + Σ_{j<i} Wᵢⱼ xⱼ),
///
/// computed for all pixels at once as ℓ = x (W ⊙ M)ᵀ + b with M strictly lower triangular (Mᵢⱼ = 1 for j < i):
/// a masked linear layer. Parameters: W [D, D] (only its D(D−1)/2 masked-in entries matter) and b [D].
public final class FVSBN: AutoregressiveImageModel {
    /// Pixels per image (D = H·W for an image).
    public let pixelCount: Int
    /// Weights W [D, D]; entries on and above the diagonal are masked out.
    public let weights: Parameter
    /// Biases b [D]: the logit of each pixel when all previous pixels are 0.
    public let biases: Parameter
    /// M [D, D]: 1 where j < i.
    public let mask: Tensor

    /// An FVSBN over `pixelCount` pixels, with zero weights and biases (every pixel starts at p = ½).
    public init(pixelCount: Int) {
        self.pixelCount = pixelCount
        weights = Parameter(Tensor(repeating: 0, shape: [pixelCount, pixelCount]))
        biases = Parameter(Tensor(repeating: 0, shape: [pixelCount]))
        mask = Tensor(shape: [pixelCount, pixelCount], scalars: (0..<(pixelCount * pixelCount)).map {
            $0 % pixelCount < $0 / pixelCount ? 1 : 0
        })
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).

    public var parameters: [Parameter] { [weights, biases] }

    /// D(D − 1)/2 weights below the diagonal and D biases.
    public var parameterCount: Int { Int(mask.scalars.reduce(0, +)) + pixelCount }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// ℓ = x (W ⊙ M)ᵀ + b: [n, D] → [n, D].
    public func logits(_ images: Variable) -> Variable {
        images.matmul(weights.variable() * Variable(mask), transposingOther: true) + biases.variable()
    }
}
