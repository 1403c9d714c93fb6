/// The context of each autoregressive image model as its paper defines it, computed from the architecture's
/// description alone (never from a model's code or gradients): the set of input pixels that the output at
/// (y, x) of an H × W image depends on, as raster indices y′·W + x′.
///
/// Notation: r = k/2 is the reach of a k × k mask-A input convolution (k odd); "earlier" means earlier in
/// raster order.
enum ExpectedContext {
    /// Raster indices of the pixels (y′, x′) of an H × W image that satisfy `isInContext`.
    static func pixels(height: Int, width: Int, _ isInContext: (Int, Int) -> Bool) -> Set<Int> {
        Set((0..<(height * width)).filter { isInContext($0 / width, $0 % width) })
    }

    /// FVSBN and MADE: every earlier pixel (one logistic regression, or one masked network with a hidden unit
    /// of every degree 1…D−1, per conditional).
    static func allEarlier(y: Int, x: Int, height: Int, width: Int) -> Set<Int> {
        pixels(height: height, width: width) { $0 < y || ($0 == y && $1 < x) }
    }

    /// PixelCNN: a k × k mask-A layer, then `layers` 3 × 3 mask-B layers (residual), then a 1 × 1 layer. Mask A
    /// reads offsets (−a, b) with 1 ≤ a ≤ r, |b| ≤ r, and (0, −b) with 1 ≤ b ≤ r; mask B reads (−1, −1), (−1, 0),
    /// (−1, 1), (0, −1) and (0, 0). The context is every pixel reached by composing one mask-A step after
    /// `layers` mask-B steps, each step landing inside the image (zero padding has no features): a cone with a
    /// blind spot up and to the right.
    static func pixelCNN(y: Int, x: Int, height: Int, width: Int, firstKernelSize k: Int, layers: Int) -> Set<Int> {
        let r = k / 2
        let maskB = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0)]
        let maskA = (1...r).flatMap { a in (-r...r).map { b in (-a, b) } } + (1...r).map { (0, -$0) }
        func inside(_ p: (Int, Int)) -> Bool { (0..<height).contains(p.0) && (0..<width).contains(p.1) }
        var features: Set<[Int]> = [[y, x]]
        for _ in 0..<layers {
            features = Set(features.flatMap { f in maskB.map { [f[0] + $0.0, f[1] + $0.1] }.filter { inside(($0[0], $0[1])) } })
        }
        let reached = features.flatMap { f in maskA.map { (f[0] + $0.0, f[1] + $0.1) }.filter(inside) }
        return Set(reached.map { $0.0 * width + $0.1 })
    }

    /// Gated PixelCNN with `layers` layers of k × k kernels (r = k/2): the vertical stack's first layer reads
    /// rows 1…r above at columns within r, each later layer rows 0…r above, so after L layers it covers rows
    /// 1…L·r above, columns within L·r; the horizontal stack reads the current row, 1…r left at its first
    /// layer and 0…r left at each later one, plus the vertical stack at the same position. The context is the
    /// full cone within the receptive field, with no blind spot:
    /// {(y − d, x + e): 1 ≤ d ≤ L·r, |e| ≤ L·r} ∪ {(y, x − e): 1 ≤ e ≤ L·r}, inside the image.
    static func gatedPixelCNN(y: Int, x: Int, height: Int, width: Int, kernelSize k: Int, layers: Int) -> Set<Int> {
        let reach = layers * (k / 2)
        return pixels(height: height, width: width) { y2, x2 in
            (y2 < y && y - y2 <= reach && abs(x2 - x) <= reach) || (y2 == y && x2 < x && x - x2 <= reach)
        }
    }

    /// Row LSTM (van den Oord et al. 2016, section 3.1): a k × k mask-A layer F; an LSTM over rows whose
    /// input-to-state convolution reads F on the current row at columns x − 1 and x (1 × 3, mask B) and whose
    /// state-to-state convolution reads the previous row's state at columns x − 1, x, x + 1; the output adds F at
    /// (y, x) (residual). The state at (y, x) therefore reads F at (y − s, x − s − 1 … x + s) for every s ≥ 0, a
    /// triangle widening by one column per row, and each F(y′, x′) reads the image through mask A. Composed:
    ///
    /// - the current row: columns x − 1 − r … x − 1;
    /// - s rows above (s ≥ 1): columns x − s − 1 − r … x + s + r − 1.
    ///
    /// Everything else earlier (up and to the right, far left in the current row) is outside the triangle.
    static func rowLSTM(y: Int, x: Int, height: Int, width: Int, inputKernelSize k: Int) -> Set<Int> {
        let r = k / 2
        return pixels(height: height, width: width) { y2, x2 in
            let s = y - y2
            if s == 0 { return x - 1 - r <= x2 && x2 <= x - 1 }
            return s > 0 && x - s - 1 - r <= x2 && x2 <= x + s + r - 1
        }
    }

    /// Diagonal BiLSTM (section 3.2): a k × k mask-A layer F, then two diagonal LSTMs. The left-to-right one
    /// reaches F at every (y′, x′) with y′ ≤ y and x′ ≤ x (its state reads the left and upper neighbours); the
    /// right-to-left one, shifted down a row, reaches F at every (y′, x′) with y′ ≤ y − 1 and x′ ≥ x. Together:
    /// F on all rows above and on the current row up to x. Through mask A that is every earlier pixel with one
    /// exception: the last pixel of the row above, (y − 1, W − 1), is read only by F on the current row (mask A
    /// hides it from F at its own position), that is only if x + r ≥ W − 1. So the context is all earlier
    /// pixels, less (y − 1, W − 1) when y ≥ 1 and x + r < W − 1.
    static func diagonalBiLSTM(y: Int, x: Int, height: Int, width: Int, inputKernelSize k: Int) -> Set<Int> {
        var context = allEarlier(y: y, x: x, height: height, width: width)
        if y >= 1 && x + k / 2 < width - 1 { context.remove((y - 1) * width + width - 1) }
        return context
    }
}
