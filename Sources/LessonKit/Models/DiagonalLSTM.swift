/// One direction of a Diagonal BiLSTM layer (van den Oord et al. 2016, section 3.2): an LSTM that sweeps a
/// feature map [n, h, H, W] diagonal by diagonal, from the left edge to the right.
///
/// The map is skewed (row y moved y places right, ``Variable/skewed()``), so that each diagonal becomes a
/// column of the [n, h, H, W + H − 1] skewed map. Column by column, the four gates [i, f, o, g] are σ, σ, σ, tanh
/// of K_ss ⋆ h₍c−1₎ + K_is ⋆ F_c, with a 1 × 1 input-to-state kernel K_is and a 2 × 1 state-to-state kernel K_ss
/// over the previous column (the same row and the row above), each with 4h output channels, h per gate.
/// Unskewed, the state at (y, x) reads the states at (y, x − 1) and (y − 1, x): it summarises every position up
/// and to the left. (The skew's padding holds zeros, so the states there depend on the biases only.)
///
/// Each column [n, h, H, 1] is laid out as a row [n, h, 1, H] (the same numbers in the same order), which makes
/// the 2 × 1 kernel over (row above, same row) a 1 × 2 kernel over (left, centre): mask `.horizontal` of size 3.
/// Long rows keep the convolutions' inner loops long.
struct DiagonalLSTM {
    /// Input-to-state 1 × 1 convolution, h → 4h channels (input, forget, output, candidate gates).
    let inputToState: MaskedConvolution
    /// State-to-state 2 × 1 convolution of the previous column's hidden state (laid out as a row), h → 4h channels.
    let stateToState: MaskedConvolution

    /// A direction with `channels` hidden channels; the forget gates start with bias 1.
    init<G: RandomNumberGenerator>(channels: Int, using generator: inout G) {
        inputToState = MaskedConvolution(.b, inChannels: channels, outChannels: 4 * channels, size: 1, using: &generator)
        stateToState = MaskedConvolution(.horizontal, inChannels: channels, outChannels: 4 * channels, size: 3, using: &generator)
        inputToState.bias.value = Tensor(shape: [4 * channels, 1, 1], scalars: (0..<(4 * channels)).map { $0 / channels == 1 ? 1 : 0 })
    }

    var parameters: [Parameter] { inputToState.parameters + stateToState.parameters }
    var parameterCount: Int { inputToState.parameterCount + stateToState.parameterCount }

    /// [n, h, H, W] → hidden states [n, h, H, W]; W + H − 1 sequential steps.
    func callAsFunction(_ features: Variable) -> Variable {
        let (n, h, height) = (features.shape[0], features.shape[1], features.shape[2])
        let skewed = features.skewed()                                    // [n, h, H, W + H − 1]
        var hidden = Variable(Tensor(repeating: 0, shape: [n, h, 1, height]))    // a column, laid out as a row
        var cell = hidden
        var columns: [Variable] = []
        for c in 0..<skewed.shape[3] {
            let column = skewed.column(c).reshaped([n, h, 1, height])
            let gates = (inputToState(column) + stateToState(hidden)).splitChannels(into: 4)
            let (i, f, o, g) = (gates[0].sigmoid(), gates[1].sigmoid(), gates[2].sigmoid(), gates[3].tanh())
            cell = f * cell + i * g
            hidden = o * cell.tanh()
            columns.append(hidden.reshaped([n, h, height, 1]))
        }
        return Variable.joiningColumns(columns).unskewed()
    }
}
