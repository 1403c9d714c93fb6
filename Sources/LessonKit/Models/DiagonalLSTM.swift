/// One direction of a Diagonal BiLSTM layer (van den Oord et al. 2016, section 3.2): an LSTM that sweeps a
/// feature map [n, h, H, W] diagonal by diagonal, from the left edge to the right.
///
/// The map is skewed (row y moved y places right, ``Variable/skewed()``), so that each diagonal becomes a
/// column of the [n, h, H, W + H − 1] skewed map. Column by column, every gate is
/// σ or tanh( K_ss ⋆ h₍c−1₎ + K_is ⋆ F_c ), with a 1 × 1 input-to-state kernel K_is and a 2 × 1
/// state-to-state kernel K_ss over the previous column (the same row and the row above). Unskewed, the state at
/// (y, x) reads the states at (y, x − 1) and (y − 1, x): it summarises every position up and to the left.
struct DiagonalLSTM {
    /// Input-to-state 1 × 1 convolutions, one per gate (input, forget, output, candidate).
    let inputToState: [MaskedConvolution]
    /// State-to-state 2 × 1 convolutions of the previous column's hidden state, one per gate.
    let stateToState: [MaskedConvolution]

    /// A direction with `channels` hidden channels; the forget gates start with bias 1.
    init<G: RandomNumberGenerator>(channels: Int, using generator: inout G) {
        inputToState = (0..<4).map { _ in MaskedConvolution(.b, inChannels: channels, outChannels: channels, size: 1, using: &generator) }
        stateToState = (0..<4).map { _ in MaskedConvolution(.column, inChannels: channels, outChannels: channels, size: 3, using: &generator) }
        inputToState[1].bias.value = Tensor(repeating: 1, shape: [channels, 1, 1])
    }

    var parameters: [Parameter] { (inputToState + stateToState).flatMap(\.parameters) }
    var parameterCount: Int { (inputToState + stateToState).reduce(0) { $0 + $1.parameterCount } }

    /// [n, h, H, W] → hidden states [n, h, H, W]; W + H − 1 sequential steps.
    func callAsFunction(_ features: Variable) -> Variable {
        let (n, h, height) = (features.shape[0], features.shape[1], features.shape[2])
        // The input-to-state part for every position at once, then skewed (padding stays 0).
        let inputGates = inputToState.map { $0(features).skewed() }      // [n, h, H, W + H − 1]
        var hidden = Variable(Tensor(repeating: 0, shape: [n, h, height, 1]))
        var cell = hidden
        var columns: [Variable] = []
        for c in 0..<inputGates[0].shape[3] {
            func gate(_ k: Int) -> Variable { inputGates[k].column(c) + stateToState[k](hidden) }
            let (i, f, o, g) = (gate(0).sigmoid(), gate(1).sigmoid(), gate(2).sigmoid(), gate(3).tanh())
            cell = f * cell + i * g
            hidden = o * cell.tanh()
            columns.append(hidden)
        }
        return Variable.joiningColumns(columns).unskewed()
    }
}
