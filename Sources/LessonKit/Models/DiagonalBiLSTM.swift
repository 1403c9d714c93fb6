/// PixelRNN's Diagonal BiLSTM (van den Oord, Kalchbrenner & Kavukcuoglu 2016, section 3.2) for binary images.
///
/// Layers, for an image [n, 1, H, W] and h hidden channels:
/// 1. F = a k × k convolution with mask A: F(y, x) reads earlier pixels only;
/// 2. two ``DiagonalLSTM`` sweeps of F: left to right, and right to left (the same sweep on the mirrored map,
///    mirrored back). The right-to-left state at (y, x) has read the current row to the right of x, which lies
///    in the future, so its map is shifted down one row before the two are added: the output at (y, x) gets
///    the right-to-left state of (y − 1, x);
/// 3. a residual connection, F + 1×1(left + right), then ReLU and a 1 × 1 convolution to one logit per pixel,
///    plus a bias per pixel position (as in ``PixelCNN``).
///
/// The left-to-right sweep covers everything up and to the left, the shifted right-to-left sweep everything in
/// the rows above from x rightwards: together every earlier pixel, whatever the image size, with one exception.
/// The last pixel of the row above, (y − 1, W − 1), reaches the right-to-left sweep only through F(y − 1, W − 1),
/// which mask A keeps from reading its own pixel; only F on the current row can read it, so the output at (y, x)
/// sees it only if x + k/2 ≥ W − 1. Training takes W + H − 1 sequential steps per direction.
public final class DiagonalBiLSTM: AutoregressiveImageModel {
    /// Pixels per image (D = H·W).
    public let pixelCount: Int
    /// Image height and width.
    public let height: Int, width: Int
    /// Hidden channels per pixel (h).
    public let hiddenChannels: Int
    /// The k × k mask-A input layer, 1 → h channels.
    let input: MaskedConvolution
    /// The two sweeps.
    let leftToRight: DiagonalLSTM, rightToLeft: DiagonalLSTM
    /// The 1 × 1 convolution added to F (residual), and the 1 × 1 convolution to the logits.
    let residual: MaskedConvolution, output: MaskedConvolution
    /// A bias per pixel position [1, D], added to the logits.
    public let positionBias: Parameter

    /// A Diagonal BiLSTM with `hiddenChannels` channels and a `inputKernelSize` × `inputKernelSize` mask-A input
    /// layer.
    public init<G: RandomNumberGenerator>(
        height: Int = 8, width: Int = 8, hiddenChannels: Int = 16, inputKernelSize: Int = 5, using generator: inout G
    ) {
        (self.height, self.width, pixelCount, self.hiddenChannels) = (height, width, height * width, hiddenChannels)
        input = MaskedConvolution(.a, inChannels: 1, outChannels: hiddenChannels, size: inputKernelSize, using: &generator)
        leftToRight = DiagonalLSTM(channels: hiddenChannels, using: &generator)
        rightToLeft = DiagonalLSTM(channels: hiddenChannels, using: &generator)
        residual = MaskedConvolution(.b, inChannels: hiddenChannels, outChannels: hiddenChannels, size: 1, using: &generator)
        output = MaskedConvolution(.b, inChannels: hiddenChannels, outChannels: 1, size: 1, using: &generator)
        positionBias = Parameter(Tensor(repeating: 0, shape: [1, pixelCount]))
    }

    /// Every trained parameter: the input layer, both sweeps, the 1 × 1 convolutions and the position biases.
    public var parameters: [Parameter] {
        input.parameters + leftToRight.parameters + rightToLeft.parameters + residual.parameters + output.parameters
            + [positionBias]
    }

    /// Unmasked kernel entries and biases of every convolution, plus the position biases.
    public var parameterCount: Int {
        [input, residual, output].reduce(pixelCount + leftToRight.parameterCount + rightToLeft.parameterCount) { $0 + $1.parameterCount }
    }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D].
    public func logits(_ images: Variable) -> Variable {
        let n = images.shape[0]
        let features = input(images.reshaped([n, 1, height, width]))      // F: [n, h, H, W]
        let left = leftToRight(features)
        let right = rightToLeft(features.mirrored()).mirrored().shiftedDown()
        return output((features + residual(left + right)).relu()).reshaped([n, pixelCount]) + positionBias.variable()
    }
}
