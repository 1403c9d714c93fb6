/// A long short-term memory cell (Hochreiter & Schmidhuber 1997), composed from the tape's primitives.
///
/// For input x [batch, inputSize] and state (h, c) [batch, hiddenSize]:
/// i = σ(x Wᵢ + h Uᵢ + bᵢ), f = σ(x W_f + h U_f + b_f), o = σ(x Wₒ + h Uₒ + bₒ), g = tanh(x W_g + h U_g + b_g),
/// c′ = f ⊙ c + i ⊙ g, h′ = o ⊙ tanh(c′).
public struct LSTMCell: Sendable {
    /// One gate's input weights [inputSize, hiddenSize], recurrent weights [hiddenSize, hiddenSize], bias [hiddenSize].
    public struct Gate: Sendable {
        /// Input weights W [inputSize, hiddenSize].
        public let input: Parameter
        /// Recurrent weights U [hiddenSize, hiddenSize].
        public let recurrent: Parameter
        /// Bias b [hiddenSize].
        public let bias: Parameter

        func callAsFunction(_ x: Variable, _ h: Variable) -> Variable {
            x.matmul(input.variable()) + h.matmul(recurrent.variable()) + bias.variable()
        }
    }

    /// The input gate i.
    public let inputGate: Gate
    /// The forget gate f (bias initialised to 1).
    public let forgetGate: Gate
    /// The output gate o.
    public let outputGate: Gate
    /// The candidate g (tanh instead of σ).
    public let candidate: Gate
    /// The size of h and c.
    public let hiddenSize: Int

    /// A cell with weights drawn from N(0, 1/inputSize) and forget-gate bias 1 (remember by default).
    public init<G: RandomNumberGenerator>(inputSize: Int, hiddenSize: Int, using generator: inout G) {
        func gate(bias: Double) -> Gate {
            Gate(
                input: Parameter(Tensor(randomNormal: [inputSize, hiddenSize], standardDeviation: 1 / Double(inputSize).squareRoot(), using: &generator)),
                recurrent: Parameter(Tensor(randomNormal: [hiddenSize, hiddenSize], standardDeviation: 1 / Double(hiddenSize).squareRoot(), using: &generator)),
                bias: Parameter(Tensor(repeating: bias, shape: [hiddenSize])))
        }
        inputGate = gate(bias: 0)
        forgetGate = gate(bias: 1)
        outputGate = gate(bias: 0)
        candidate = gate(bias: 0)
        self.hiddenSize = hiddenSize
    }

    /// Every parameter, for an optimizer.
    public var parameters: [Parameter] {
        [inputGate, forgetGate, outputGate, candidate].flatMap { [$0.input, $0.recurrent, $0.bias] }
    }

    /// One time step: the new (hidden, cell) state.
    public func callAsFunction(_ x: Variable, state: (hidden: Variable, cell: Variable)) -> (hidden: Variable, cell: Variable) {
        let i = inputGate(x, state.hidden).sigmoid()
        let f = forgetGate(x, state.hidden).sigmoid()
        let o = outputGate(x, state.hidden).sigmoid()
        let g = candidate(x, state.hidden).tanh()
        let cell = f * state.cell + i * g
        return (o * cell.tanh(), cell)
    }
}
