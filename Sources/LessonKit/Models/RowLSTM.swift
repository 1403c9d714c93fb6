/// PixelRNN's Row LSTM (van den Oord, Kalchbrenner & Kavukcuoglu 2016, section 3.1) for binary images: an LSTM
/// that runs down the image one row at a time, all pixels of a row in parallel.
///
/// For row y, every gate is  σ or tanh( K_ss ⋆ h₍y−1₎ + K_is ⋆ x₍y₎ + b ):
/// - the input-to-state convolution K_is sees the current row strictly left of each pixel (mask A along the row),
///   and is computed for all rows at once;
/// - the state-to-state convolution K_ss is a 1 × 3 convolution of the previous row's hidden state, so the
///   context grows by one pixel left and right per row above: a triangular receptive field.
/// Then c_y = f ⊙ c₍y−1₎ + i ⊙ g, h_y = o ⊙ tanh(c_y), and a 1 × 1 convolution of h_y gives the logits of row y.
/// Training is parallel within a row but sequential down the rows; sampling is sequential in every pixel.
public final class RowLSTM: AutoregressiveImageModel {
    public let pixelCount: Int
    /// Image height and width.
    public let height: Int, width: Int
    /// Hidden channels per pixel.
    public let hiddenChannels: Int
    /// Input-to-state convolutions (input, forget, output, candidate gates), masked to the left of each pixel.
    let inputToState: [MaskedConvolution]
    /// State-to-state 1 × 3 convolutions of the previous row's hidden state, one per gate.
    let stateToState: [MaskedConvolution]
    let output: MaskedConvolution

    /// A Row LSTM with `hiddenChannels` channels; the input-to-state kernel reaches `leftContext` pixels left.
    public init<G: RandomNumberGenerator>(
        height: Int = 8, width: Int = 8, hiddenChannels: Int = 16, leftContext: Int = 3, using generator: inout G
    ) {
        (self.height, self.width, pixelCount, self.hiddenChannels) = (height, width, height * width, hiddenChannels)
        inputToState = (0..<4).map { _ in
            MaskedConvolution(.horizontalFirst, inChannels: 1, outChannels: hiddenChannels, size: 2 * leftContext + 1, using: &generator)
        }
        stateToState = (0..<4).map { _ in
            MaskedConvolution(.row, inChannels: hiddenChannels, outChannels: hiddenChannels, size: 3, using: &generator)
        }
        output = MaskedConvolution(.b, inChannels: hiddenChannels, outChannels: 1, size: 1, using: &generator)
    }

    public var parameters: [Parameter] { (inputToState + stateToState + [output]).flatMap(\.parameters) }

    /// [n, D] → [n, D]. The first row's previous state is zero, so row 0 sees only its own left context.
    public func logits(_ images: Variable) -> Variable {
        let n = images.shape[0], c = hiddenChannels
        let image = images.reshaped([n, 1, height, width])
        // Input-to-state for the whole image at once, as rows of [n·C, H·W].
        let inputGates = inputToState.map { $0(image).reshaped([n * c, pixelCount]) }
        var hidden = Variable(Tensor(repeating: 0, shape: [n, c, 1, width]))
        var cell = Variable(Tensor(repeating: 0, shape: [n, c, 1, width]))
        var rows: [Variable] = []
        for y in 0..<height {
            let select = Variable(RowSelection.take(row: y, height: height, width: width))
            let gate = { (k: Int) in
                inputGates[k].matmul(select).reshaped([n, c, 1, self.width]) + self.stateToState[k](hidden)
            }
            let (i, f, o, g) = (gate(0).sigmoid(), gate(1).sigmoid(), gate(2).sigmoid(), gate(3).tanh())
            cell = f * cell + i * g
            hidden = o * cell.tanh()
            rows.append(output(hidden).reshaped([n, width]).matmul(select, transposingOther: true))
        }
        return rows.dropFirst().reduce(rows[0], +)
    }
}

/// Selection matrices that take one row out of a flattened image and put it back, as matrix products.
enum RowSelection {
    /// S [H·W, W] with S[y·W + x, x] = 1: x [·, H·W] · S = row y of x.
    static func take(row y: Int, height: Int, width: Int) -> Tensor {
        var selection = Tensor(repeating: 0, shape: [height * width, width])
        for x in 0..<width { selection.scalars[(y * width + x) * width + x] = 1 }
        return selection
    }
}
