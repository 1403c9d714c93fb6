/// The gated PixelCNN (van den Oord et al. 2016, "Conditional Image Generation with PixelCNN Decoders"): two
/// stacks that together see every earlier pixel, so there is no blind spot.
///
/// - The vertical stack sees the rows strictly above the current pixel (all columns within reach).
/// - The horizontal stack sees the current row left of the pixel, plus the vertical stack's features at the
///   same position (a 1 × 1 link, which carries the rows above).
/// - Each layer uses the gated activation tanh(W_f ⋆ x) ⊙ σ(W_g ⋆ x), and the horizontal stack is residual.
public final class GatedPixelCNN: AutoregressiveImageModel {
    /// One layer of both stacks, with a filter and a gate convolution for each.
    struct Layer {
        let verticalFilter: MaskedConvolution, verticalGate: MaskedConvolution
        let horizontalFilter: MaskedConvolution, horizontalGate: MaskedConvolution
        let link: MaskedConvolution, residual: MaskedConvolution
        let first: Bool

        init<G: RandomNumberGenerator>(inChannels: Int, channels: Int, size: Int, first: Bool, using generator: inout G) {
            let (vertical, horizontal): (ConvolutionMask.Kind, ConvolutionMask.Kind) =
                first ? (.verticalFirst, .horizontalFirst) : (.vertical, .horizontal)
            verticalFilter = MaskedConvolution(vertical, inChannels: inChannels, outChannels: channels, size: size, using: &generator)
            verticalGate = MaskedConvolution(vertical, inChannels: inChannels, outChannels: channels, size: size, using: &generator)
            horizontalFilter = MaskedConvolution(horizontal, inChannels: inChannels, outChannels: channels, size: size, using: &generator)
            horizontalGate = MaskedConvolution(horizontal, inChannels: inChannels, outChannels: channels, size: size, using: &generator)
            link = MaskedConvolution(.b, inChannels: channels, outChannels: channels, size: 1, using: &generator)
            residual = MaskedConvolution(.b, inChannels: channels, outChannels: channels, size: 1, using: &generator)
            self.first = first
        }

        var convolutions: [MaskedConvolution] { [verticalFilter, verticalGate, horizontalFilter, horizontalGate, link, residual] }
        var parameters: [Parameter] { convolutions.flatMap(\.parameters) }

        /// (vertical, horizontal) → (vertical′, horizontal′).
        func callAsFunction(_ vertical: Variable, _ horizontal: Variable) -> (Variable, Variable) {
            let v = verticalFilter(vertical), vGate = verticalGate(vertical)
            let verticalOut = v.tanh() * vGate.sigmoid()
            let linked = link(verticalOut)
            let h = horizontalFilter(horizontal) + linked, hGate = horizontalGate(horizontal) + linked
            let gated = residual(h.tanh() * hGate.sigmoid())
            return (verticalOut, first ? gated : horizontal + gated)
        }
    }

    /// Pixels per image (D = H·W for an image).

    public let pixelCount: Int
    /// Image height and width.
    public let height: Int, width: Int
    let layers: [Layer]
    let output: MaskedConvolution
    /// A bias per pixel position [1, D], added to the logits (as in ``PixelCNN``).
    public let positionBias: Parameter

    /// A gated PixelCNN with `layers` layers of `channels` feature maps and k × k kernels.
    public init<G: RandomNumberGenerator>(
        height: Int = 8, width: Int = 8, channels: Int = 16, kernelSize: Int = 3, layers: Int = 4, using generator: inout G
    ) {
        (self.height, self.width, pixelCount) = (height, width, height * width)
        self.layers = (0..<layers).map {
            Layer(inChannels: $0 == 0 ? 1 : channels, channels: channels, size: kernelSize, first: $0 == 0, using: &generator)
        }
        output = MaskedConvolution(.b, inChannels: channels, outChannels: 1, size: 1, using: &generator)
        positionBias = Parameter(Tensor(repeating: 0, shape: [1, height * width]))
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).

    public var parameters: [Parameter] { layers.flatMap(\.parameters) + output.parameters + [positionBias] }

    /// Unmasked kernel entries and biases of every layer, plus the position biases.
    public var parameterCount: Int { (layers.flatMap(\.convolutions) + [output]).reduce(pixelCount) { $0 + $1.parameterCount } }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D]: both stacks start from the image; the logits come from the horizontal stack.
    public func logits(_ images: Variable) -> Variable {
        let n = images.shape[0]
        var vertical = images.reshaped([n, 1, height, width]), horizontal = vertical
        for layer in layers { (vertical, horizontal) = layer(vertical, horizontal) }
        return output(horizontal.relu()).reshaped([n, pixelCount]) + positionBias.variable()
    }
}
