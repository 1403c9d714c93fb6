/// PixelRNN's Row LSTM (van den Oord, Kalchbrenner & Kavukcuoglu 2016, section 3.1) for binary images: an LSTM
/// that runs down the image one row at a time, all pixels of a row in parallel.
///
/// Layers, for an image [n, 1, H, W] and h hidden channels:
/// 1. F = a k × k convolution with mask A (the paper's 7 × 7 input layer): F(y, x) reads earlier pixels only;
/// 2. the LSTM: for row y, the four gates [i, f, o, g] = σ, σ, σ, tanh of K_ss ⋆ h₍y−1₎ + K_is ⋆ F_y, where the
///    input-to-state kernel K_is is 1 × 3 with mask B (F at x − 1 and x) and the state-to-state kernel K_ss is
///    1 × 3 over the previous row's state (x − 1, x, x + 1), each with 4h output channels, h per gate; then
///    c_y = f ⊙ c₍y−1₎ + i ⊙ g and h_y = o ⊙ tanh(c_y);
/// 3. a residual connection, F + 1×1(h), then ReLU and a 1 × 1 convolution to one logit per pixel, plus a
///    bias per pixel position (as in ``PixelCNN``).
///
/// The state of row y reads the state of row y − 1 one column either side, so the context is a triangle that
/// widens by one column per row above (plus what mask A adds): it misses pixels up and to the right, and far
/// left in the current row. Training is parallel within a row but sequential down the rows: H steps.
public final class RowLSTM: AutoregressiveImageModel {
    /// Pixels per image (D = H·W for an image).
    public let pixelCount: Int
    /// Image height and width.
    public let height: Int, width: Int
    /// Hidden channels per pixel (h).
    public let hiddenChannels: Int
    /// The k × k mask-A input layer, 1 → h channels.
    let input: MaskedConvolution
    /// Input-to-state 1 × 3 mask-B convolution of F, h → 4h channels (input, forget, output, candidate gates).
    let inputToState: MaskedConvolution
    /// State-to-state 1 × 3 convolution of the previous row's hidden state, h → 4h channels.
    let stateToState: MaskedConvolution
    /// The 1 × 1 convolution added to F (residual), and the 1 × 1 convolution to the logits.
    let residual: MaskedConvolution, output: MaskedConvolution
    /// A bias per pixel position [1, D], added to the logits.
    public let positionBias: Parameter

    /// A Row LSTM with `hiddenChannels` channels and a `inputKernelSize` × `inputKernelSize` mask-A input layer.
    /// The forget gates start with bias 1 (remember by default).
    public init<G: RandomNumberGenerator>(
        height: Int = 8, width: Int = 8, hiddenChannels: Int = 16, inputKernelSize: Int = 5, using generator: inout G
    ) {
        (self.height, self.width, pixelCount, self.hiddenChannels) = (height, width, height * width, hiddenChannels)
        let h = hiddenChannels
        input = MaskedConvolution(.a, inChannels: 1, outChannels: h, size: inputKernelSize, using: &generator)
        inputToState = MaskedConvolution(.horizontal, inChannels: h, outChannels: 4 * h, size: 3, using: &generator)
        stateToState = MaskedConvolution(.row, inChannels: h, outChannels: 4 * h, size: 3, using: &generator)
        inputToState.bias.value = Tensor(shape: [4 * h, 1, 1], scalars: (0..<(4 * h)).map { $0 / h == 1 ? 1 : 0 })
        residual = MaskedConvolution(.b, inChannels: h, outChannels: h, size: 1, using: &generator)
        output = MaskedConvolution(.b, inChannels: h, outChannels: 1, size: 1, using: &generator)
        positionBias = Parameter(Tensor(repeating: 0, shape: [1, pixelCount]))
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).

    public var parameters: [Parameter] {
        [input, inputToState, stateToState, residual, output].flatMap(\.parameters) + [positionBias]
    }

    /// Unmasked kernel entries and biases of every convolution, plus the position biases.
    public var parameterCount: Int {
        [input, inputToState, stateToState, residual, output].reduce(pixelCount) { $0 + $1.parameterCount }
    }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D]. The state above the first row is zero.
    public func logits(_ images: Variable) -> Variable {
        let n = images.shape[0], h = hiddenChannels
        let features = input(images.reshaped([n, 1, height, width]))      // F: [n, h, H, W]
        var hidden = Variable(Tensor(repeating: 0, shape: [n, h, 1, width]))
        var cell = hidden
        var rows: [Variable] = []
        for y in 0..<height {
            let gates = (inputToState(features.row(y)) + stateToState(hidden)).splitChannels(into: 4)
            let (i, f, o, g) = (gates[0].sigmoid(), gates[1].sigmoid(), gates[2].sigmoid(), gates[3].tanh())
            cell = f * cell + i * g
            hidden = o * cell.tanh()
            rows.append(hidden)
        }
        let states = Variable.joiningRows(rows)                           // [n, h, H, W]
        return output((features + residual(states)).relu()).reshaped([n, pixelCount]) + positionBias.variable()
    }
}
