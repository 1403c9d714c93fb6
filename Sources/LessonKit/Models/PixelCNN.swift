/// PixelCNN (van den Oord, Kalchbrenner & Kavukcuoglu 2016) for binary images: a stack of masked convolutions
/// that computes every conditional p(xᵢ | x₍<ᵢ₎) in one parallel pass.
///
/// Layers: a k × k convolution with mask A (no output sees its own pixel), then `layers` 3 × 3 convolutions with
/// mask B and ReLU (residual), then a 1 × 1 convolution to one logit per pixel. Stacking masked 3 × 3 kernels
/// leaves a blind spot: pixels above and to the right of the current one that are in its context but never
/// reach it (see ``influence(on:)``); ``GatedPixelCNN`` removes it.
public final class PixelCNN: AutoregressiveImageModel {
    /// Pixels per image (D = H·W for an image).
    public let pixelCount: Int
    /// Image height and width.
    public let height: Int, width: Int
    let first: MaskedConvolution
    let hidden: [MaskedConvolution]
    let output: MaskedConvolution
    /// A bias per pixel position [1, D], added to the logits: convolutions share weights across positions, but
    /// a digit's border pixels are almost always off and its centre pixels often on.
    public let positionBias: Parameter

    /// A PixelCNN for `height` × `width` images with `channels` feature maps.
    public convenience init<G: RandomNumberGenerator>(
        height: Int = 8, width: Int = 8, channels: Int = 16, firstKernelSize: Int = 5, layers: Int = 3, using generator: inout G
    ) {
        let first = MaskedConvolution(.a, inChannels: 1, outChannels: channels, size: firstKernelSize, using: &generator)
        let hidden = (0..<layers).map { _ in MaskedConvolution(.b, inChannels: channels, outChannels: channels, size: 3, using: &generator) }
        self.init(height: height, width: width, first: first, hidden: hidden, using: &generator)
    }

    /// A PixelCNN for `height` × `width` images from its masked layers (a 1 × 1 output layer is added).
    init<G: RandomNumberGenerator>(
        height: Int, width: Int, first: MaskedConvolution, hidden: [MaskedConvolution], using generator: inout G
    ) {
        (self.height, self.width, pixelCount) = (height, width, height * width)
        (self.first, self.hidden) = (first, hidden)
        output = MaskedConvolution(.b, inChannels: first.kernel.value.shape[0], outChannels: 1, size: 1, using: &generator)
        positionBias = Parameter(Tensor(repeating: 0, shape: [1, height * width]))
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).

    public var parameters: [Parameter] { first.parameters + hidden.flatMap(\.parameters) + output.parameters + [positionBias] }

    /// Unmasked kernel entries and biases of every layer, plus the position biases.
    public var parameterCount: Int { ([first] + hidden + [output]).reduce(pixelCount) { $0 + $1.parameterCount } }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D]: images as [n, 1, h, w], through the stack, back to one logit per pixel.
    public func logits(_ images: Variable) -> Variable {
        let n = images.shape[0]
        var features = first(images.reshaped([n, 1, height, width])).relu()
        for layer in hidden { features = features + layer(features).relu() }
        return output(features).reshaped([n, pixelCount]) + positionBias.variable()
    }
}
