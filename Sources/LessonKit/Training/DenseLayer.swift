/// A fully connected layer, y = x Wᵀ + b: [n, inputs] → [n, outputs].
///
/// The weights W [outputs, inputs] start as N(0, 1/inputs) (so a unit's input has variance about 1 when x does),
/// the biases b [outputs] at zero.
///
/// ```swift
/// let layer = DenseLayer(inputs: 64, outputs: 32, using: &random)
/// let hidden = layer(Variable(Tensor(images))).tanh()      // [n, 64] → [n, 32]
/// ```
public final class DenseLayer: @unchecked Sendable {
    /// W [outputs, inputs].
    public let weights: Parameter
    /// b [outputs].
    public let biases: Parameter

    /// A layer from `inputs` to `outputs` units with random weights and zero biases.
    public init<G: RandomNumberGenerator>(inputs: Int, outputs: Int, using generator: inout G) {
        precondition(inputs > 0 && outputs > 0, "DenseLayer: needs at least one input and one output, not \(inputs) → \(outputs)")
        weights = Parameter(Tensor(randomNormal: [outputs, inputs], standardDeviation: 1 / Double(inputs).squareRoot(), using: &generator))
        biases = Parameter(Tensor(repeating: 0, shape: [outputs]))
    }

    /// Number of inputs.
    public var inputs: Int { weights.value.shape[1] }
    /// Number of outputs.
    public var outputs: Int { weights.value.shape[0] }

    /// W and b, for an optimizer.
    public var parameters: [Parameter] { [weights, biases] }

    /// x Wᵀ + b for x of shape [n, inputs]: shape [n, outputs].
    public func callAsFunction(_ x: Variable) -> Variable {
        precondition(x.shape.count == 2 && x.shape[1] == inputs, "DenseLayer: expects [n, \(inputs)], got \(x.shape)")
        return x.matmul(weights.variable(), transposingOther: true) + biases.variable()
    }
}
