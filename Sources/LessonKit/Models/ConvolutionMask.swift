/// Masks for the kernels of masked convolutions ([outChannels, inChannels, k, k], entries 0 or 1), as in
/// PixelCNN (van den Oord et al. 2016). Tap (i, j) of a k × k kernel sees the input pixel i − k/2 rows and
/// j − k/2 columns away from the output pixel.
public enum ConvolutionMask {
    /// Which taps a mask lets through.
    public enum Kind: Sendable {
        /// Taps strictly before the centre in raster order: rows above, and the centre row left of centre.
        /// For the first layer, so that no output sees its own pixel.
        case a
        /// Mask A plus the centre tap: for later layers, whose centre input already depends only on earlier
        /// pixels.
        case b
        /// Rows strictly above the centre, all columns: the first layer of the vertical stack.
        case verticalFirst
        /// Rows above and the centre row, all columns: later layers of the vertical stack.
        case vertical
        /// The centre row left of centre: the first layer of the horizontal stack.
        case horizontalFirst
        /// The centre row up to and including the centre: later layers of the horizontal stack.
        case horizontal
        /// The whole centre row: a 1 × k convolution along a row (the Row LSTM's state-to-state kernel).
        case row

        func allows(row i: Int, column j: Int, centre c: Int) -> Bool {
            switch self {
            case .a: i < c || (i == c && j < c)
            case .b: i < c || (i == c && j <= c)
            case .verticalFirst: i < c
            case .vertical: i <= c
            case .horizontalFirst: i == c && j < c
            case .horizontal: i == c && j <= c
            case .row: i == c
            }
        }
    }

    /// The mask of `kind` for a kernel of shape [outChannels, inChannels, size, size].
    public static func make(_ kind: Kind, outChannels: Int, inChannels: Int, size: Int) -> Tensor {
        precondition(size % 2 == 1, "ConvolutionMask: kernel size \(size) must be odd")
        let tap = (0..<(size * size)).map { kind.allows(row: $0 / size, column: $0 % size, centre: size / 2) ? 1.0 : 0.0 }
        return Tensor(shape: [outChannels, inChannels, size, size],
            scalars: Array((0..<(outChannels * inChannels)).map { _ in tap }.joined()))
    }
}
