extension MaskedConvolution {
    /// A layer whose k × k mask is `taps` (k rows of k values, 1 where the kernel may read, 0 elsewhere; k odd),
    /// the same for every pair of channels. Tap (i, j) sees the input i − k/2 rows and j − k/2 columns away.
    public init<G: RandomNumberGenerator>(taps: [[Double]], inChannels: Int, outChannels: Int, using generator: inout G) {
        let size = taps.count
        precondition(size % 2 == 1 && taps.allSatisfy { $0.count == size },
            "MaskedConvolution(taps:): the taps must be k rows of k values with k odd, got \(taps.map(\.count))")
        mask = Tensor(shape: [outChannels, inChannels, size, size],
            scalars: Array((0..<(outChannels * inChannels)).map { _ in taps.joined() }.joined()))
        let fanIn = max(1.0, mask.scalars.reduce(0, +) / Double(outChannels))
        kernel = Parameter(Tensor(randomNormal: [outChannels, inChannels, size, size],
            standardDeviation: (1 / fanIn).squareRoot(), using: &generator) * mask)
        bias = Parameter(Tensor(repeating: 0, shape: [outChannels, 1, 1]))
    }
}
