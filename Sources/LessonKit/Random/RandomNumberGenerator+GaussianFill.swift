extension RandomNumberGenerator {
    /// Fills `buffer` with independent standard normal draws by the ziggurat method (``Ziggurat``): about one
    /// random word and one multiplication per draw, several times cheaper than Box–Muller's log, square root
    /// and cosine. A different (equally valid) stream from calling `gaussian()` repeatedly; used where samplers
    /// need many normals per step.
    @_specialize(where Self == SeededGenerator)
    public mutating func fillGaussian(_ buffer: inout [Double]) {
        for i in buffer.indices { buffer[i] = Ziggurat.draw(using: &self) }
    }
}
