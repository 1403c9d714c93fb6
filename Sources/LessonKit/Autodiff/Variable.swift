/// A node of a computation graph for reverse-mode automatic differentiation (micrograd's `Value`, on tensors).
///
/// Each primitive operation makes a new variable that remembers its inputs and a local backward rule: given
/// the gradient of the final scalar with respect to the output, the rule returns the gradients with respect to
/// each input. ``backward()`` visits the graph in reverse topological order and accumulates gradients.
///
/// ```swift
/// let w = Variable(Tensor(randomNormal: [64, 1], standardDeviation: 0.01, using: &random), requiresGradient: true)
/// let loss = binaryCrossEntropy(logits: x.matmul(w) + b, targets: y)
/// loss.backward()            // w.gradient now holds ∂loss/∂w
/// ```
public final class Variable: @unchecked Sendable {
    /// The value computed in the forward pass.
    public let value: Tensor
    /// ∂(output of the last `backward()`)/∂(this variable), once `backward()` has run.
    public var gradient: Tensor?
    /// Whether this is a leaf to learn (parameters), as opposed to data; for an operation's result, whether it
    /// depends on such a leaf. ``backward()`` computes gradients only for variables that require one: a result
    /// computed from data alone gets none (its `gradient` stays nil), and no work is spent on it.
    public let requiresGradient: Bool
    let inputs: [Variable]
    /// Maps the output's gradient to one gradient per input (same shapes as the inputs).
    let backwardRule: ((Tensor) -> [Tensor])?
    /// Whether the operation only moves values (a reshape, a gather, a concatenation) and computes nothing;
    /// ``sequentialDepth`` and ``arithmeticOperationCount`` do not count such operations.
    let onlyMovesValues: Bool
    /// Scalar operations the forward pass did: one multiply-add per term of a matrix product or convolution,
    /// one per element of an elementwise result, none for leaves and for operations that only move values.
    let work: Int

    /// A leaf: data (`requiresGradient: false`) or a parameter (`true`).
    public init(_ value: Tensor, requiresGradient: Bool = false) {
        self.value = value
        self.requiresGradient = requiresGradient
        self.inputs = []
        self.backwardRule = nil
        self.onlyMovesValues = false
        self.work = 0
    }

    /// The result of an operation on `inputs`, with its local backward rule; `onlyMovesValues` for operations
    /// that compute nothing (reshapes, gathers, concatenations); `work` in scalar operations (default: one per
    /// element of the result).
    init(_ value: Tensor, inputs: [Variable], onlyMovesValues: Bool = false, work: Int? = nil,
         backward: @escaping (Tensor) -> [Tensor]) {
        self.value = value
        self.requiresGradient = inputs.contains { $0.requiresGradient }
        self.inputs = inputs
        self.backwardRule = backward
        self.onlyMovesValues = onlyMovesValues
        self.work = onlyMovesValues ? 0 : (work ?? value.count)
    }

    /// The shape of the value (and of the gradient).
    public var shape: [Int] { value.shape }

    /// Backpropagates from this variable, which must be a scalar: sets `gradient` on every variable it depends on.
    public func backward() {
        precondition(value.count == 1, "backward() starts from a scalar, not shape \(value.shape)")
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        func visit(_ node: Variable) {
            guard visited.insert(ObjectIdentifier(node)).inserted else { return }
            for input in node.inputs { visit(input) }
            order.append(node)
        }
        visit(self)
        for node in order { node.gradient = nil }
        gradient = Tensor(repeating: 1, shape: value.shape)
        for node in order.reversed() {
            guard let rule = node.backwardRule, let outputGradient = node.gradient else { continue }
            for (input, inputGradient) in zip(node.inputs, rule(outputGradient)) where input.requiresGradient {
                input.gradient = input.gradient.map { $0 + inputGradient } ?? inputGradient
            }
        }
    }
}
