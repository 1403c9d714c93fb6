extension PixelCNN {
    /// A PixelCNN whose kernels use the given taps instead of LessonKit's masks: a first layer with `firstTaps`
    /// (k × k, 1 where a tap is kept), then `layers` layers with `laterTaps`, `channels` feature maps, a 1 × 1 output
    /// layer. For testing masks written elsewhere (lesson 02's exercise): the stack's influence maps show what
    /// the masks let through. Weights start as in ``init(height:width:channels:firstKernelSize:layers:using:)``, and
    /// the biases at 0.3 so that no ReLU starts dead and hides a dependence.
    public convenience init<G: RandomNumberGenerator>(
        height: Int, width: Int, channels: Int = 4, firstTaps: [[Double]], laterTaps: [[Double]], layers: Int = 2,
        using generator: inout G
    ) {
        let first = MaskedConvolution(taps: firstTaps, inChannels: 1, outChannels: channels, using: &generator)
        let hidden = (0..<layers).map { _ in MaskedConvolution(taps: laterTaps, inChannels: channels, outChannels: channels, using: &generator) }
        for layer in [first] + hidden { layer.bias.value = layer.bias.value.map { _ in 0.3 } }
        self.init(height: height, width: width, first: first, hidden: hidden, using: &generator)
    }
}
