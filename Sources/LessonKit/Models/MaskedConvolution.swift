/// A convolution layer with a masked k × k kernel and a bias per output channel:
/// [n, inChannels, h, w] → [n, outChannels, h, w].
public struct MaskedConvolution: Sendable {
    /// Kernel [outChannels, inChannels, k, k]; only the taps the mask lets through are used and learned.
    public let kernel: Parameter
    /// Bias [outChannels, 1, 1] (broadcast over positions).
    public let bias: Parameter
    /// The mask ([outChannels, inChannels, k, k]).
    public let mask: Tensor

    /// A layer whose kernel starts as N(0, 1/fan-in) in the taps the mask lets through.
    public init<G: RandomNumberGenerator>(
        _ kind: ConvolutionMask.Kind, inChannels: Int, outChannels: Int, size: Int, using generator: inout G
    ) {
        mask = ConvolutionMask.make(kind, outChannels: outChannels, inChannels: inChannels, size: size)
        let fanIn = max(1.0, mask.scalars.reduce(0, +) / Double(outChannels))
        kernel = Parameter(Tensor(randomNormal: [outChannels, inChannels, size, size],
            standardDeviation: (1 / fanIn).squareRoot(), using: &generator) * mask)
        bias = Parameter(Tensor(repeating: 0, shape: [outChannels, 1, 1]))
    }

    /// The parameters to learn.
    public var parameters: [Parameter] { [kernel, bias] }

    /// Kernel entries the mask lets through, plus the biases.
    public var parameterCount: Int { Int(mask.scalars.reduce(0, +)) + bias.value.count }

    /// (kernel ⊙ mask) ⋆ input + bias.
    public func callAsFunction(_ input: Variable) -> Variable {
        input.convolution2D(kernel: kernel.variable(), mask: mask) + bias.variable()
    }
}
