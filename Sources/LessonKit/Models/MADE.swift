/// MADE, the masked autoencoder for distribution estimation (Germain, Gregor, Murray & Larochelle 2015), with
/// one hidden layer: ℓ = (V ⊙ M_V) ReLU((W ⊙ M_W) x + c) + b.
///
/// Every input pixel d (1-based, raster order) and every hidden unit k get a degree: pixel d has degree d,
/// hidden unit k has degree m(k) ∈ {1, …, D − 1} (assigned in turn). Hidden unit k may read pixel d only if
/// m(k) ≥ d, and output d may read hidden unit k only if d > m(k); so output d depends only on pixels < d, and
/// one pass of an ordinary network computes all D conditionals, exactly normalised.
public final class MADE: AutoregressiveImageModel {
    /// Pixels per image (D = H·W for an image).
    public let pixelCount: Int
    /// Hidden units H.
    public let hiddenUnits: Int
    /// Input-to-hidden weights W [H, D], hidden biases c [H], hidden-to-output weights V [D, H], output biases b [D].
    public let inputWeights: Parameter, hiddenBiases: Parameter, outputWeights: Parameter, outputBiases: Parameter
    /// M_W [H, D] and M_V [D, H].
    public let inputMask: Tensor, outputMask: Tensor

    /// A MADE with `hiddenUnits` hidden units; weights start as N(0, 1/D) and N(0, 1/H).
    public init<G: RandomNumberGenerator>(pixelCount: Int, hiddenUnits: Int = 128, using generator: inout G) {
        (self.pixelCount, self.hiddenUnits) = (pixelCount, hiddenUnits)
        let degrees = (0..<hiddenUnits).map { $0 % max(1, pixelCount - 1) + 1 }
        inputMask = Tensor(shape: [hiddenUnits, pixelCount], scalars: (0..<(hiddenUnits * pixelCount)).map {
            degrees[$0 / pixelCount] >= $0 % pixelCount + 1 ? 1 : 0
        })
        outputMask = Tensor(shape: [pixelCount, hiddenUnits], scalars: (0..<(pixelCount * hiddenUnits)).map {
            $0 / hiddenUnits + 1 > degrees[$0 % hiddenUnits] ? 1 : 0
        })
        inputWeights = Parameter(Tensor(randomNormal: [hiddenUnits, pixelCount],
            standardDeviation: (1 / Double(pixelCount)).squareRoot(), using: &generator))
        hiddenBiases = Parameter(Tensor(repeating: 0, shape: [hiddenUnits]))
        outputWeights = Parameter(Tensor(randomNormal: [pixelCount, hiddenUnits],
            standardDeviation: (1 / Double(hiddenUnits)).squareRoot(), using: &generator))
        outputBiases = Parameter(Tensor(repeating: 0, shape: [pixelCount]))
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).

    public var parameters: [Parameter] { [inputWeights, hiddenBiases, outputWeights, outputBiases] }

    /// The weights the two masks let through, plus H + D biases.
    public var parameterCount: Int { Int((inputMask.scalars + outputMask.scalars).reduce(0, +)) + hiddenUnits + pixelCount }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D].
    public func logits(_ images: Variable) -> Variable {
        let hidden = (images.matmul(inputWeights.variable() * Variable(inputMask), transposingOther: true) + hiddenBiases.variable()).relu()
        return hidden.matmul(outputWeights.variable() * Variable(outputMask), transposingOther: true) + outputBiases.variable()
    }
}
