/// The "im2col" layout of a convolution over a batch: a matrix with one row per kernel tap (c, i, j) and one
/// column per (image b, output position y, x), holding the input pixel that tap sees,
/// in[b, c, y + offsetY + i·dilation, x + offsetX + j·dilation], or 0 outside the image.
///
/// A convolution is then one matrix product, out = K · P, with K the kernel as an [outChannels, taps] matrix,
/// and its gradients are ∂K = G · Pᵀ and ∂P = Kᵀ · G, which `scatter` folds back onto the input pixels.
/// Products are [outChannels, batch · positions]; `convolve` and `gradients` move between that layout and the
/// tensors' [batch, channels, positions].
///
/// Taps that a mask switches off for every output channel (most of a PixelCNN's masked kernel) get no row at
/// all: `activeTaps` lists the kernel columns (c, i, j) that are used, and the products run over those only.
struct PatchMatrix {
    let channels: Int, height: Int, width: Int
    let kernelHeight: Int, kernelWidth: Int
    let offsetY: Int, offsetX: Int, dilation: Int
    /// Kernel columns c·kh·kw + i·kw + j that the mask lets through for some output channel (all without a mask).
    let activeTaps: [Int]

    init(channels: Int, height: Int, width: Int, kernelHeight: Int, kernelWidth: Int, offsetY: Int, offsetX: Int,
         dilation: Int, mask: Tensor?) {
        (self.channels, self.height, self.width) = (channels, height, width)
        (self.kernelHeight, self.kernelWidth) = (kernelHeight, kernelWidth)
        (self.offsetY, self.offsetX, self.dilation) = (offsetY, offsetX, dilation)
        let columns = channels * kernelHeight * kernelWidth
        if let mask {
            let outChannels = mask.count / max(1, columns)
            activeTaps = (0..<columns).filter { tap in (0..<outChannels).contains { mask.scalars[$0 * columns + tap] != 0 } }
        } else {
            activeTaps = Array(0..<columns)
        }
    }

    var taps: Int { activeTaps.count }
    var positions: Int { height * width }

    /// The kernel [outChannels, all taps] restricted to the active columns: [outChannels, taps].
    func activeColumns(of kernel: Tensor) -> [Double] {
        let columns = channels * kernelHeight * kernelWidth, outChannels = kernel.count / max(1, columns)
        return (0..<outChannels).flatMap { o in activeTaps.map { kernel.scalars[o * columns + $0] } }
    }

    /// Calls `body(row, y, sourceY, xStart, xEnd, shift)` for every tap row and output row whose source row lies
    /// inside the image: output columns xStart..<xEnd read source column x + shift.
    private func forEachSpan(_ body: (_ row: Int, _ channel: Int, _ y: Int, _ sourceY: Int, _ xStart: Int, _ xEnd: Int, _ shift: Int) -> Void) {
        for (row, tap) in activeTaps.enumerated() {
            let c = tap / (kernelHeight * kernelWidth), i = tap / kernelWidth % kernelHeight, j = tap % kernelWidth
            let shift = offsetX + j * dilation
            let xStart = max(0, -shift), xEnd = min(width, width - shift)
            guard xStart < xEnd else { continue }
            for y in 0..<height {
                let sourceY = y + offsetY + i * dilation
                guard sourceY >= 0 && sourceY < height else { continue }
                body(row, c, y, sourceY, xStart, xEnd, shift)
            }
        }
    }

    /// The patch matrix [taps, batch · positions] of a batch of images [batch, channels, height, width].
    /// Every entry is written once: the pixel a tap sees, or 0 where it falls outside the image (no zero fill of
    /// the whole matrix first, which was a tenth of a PixelCNN's training step).
    func gather(_ input: UnsafeBufferPointer<Double>, batch: Int, into matrix: UnsafeMutableBufferPointer<Double>) {
        let columns = batch * positions, imageSize = channels * positions
        guard let base = matrix.baseAddress else { return }
        for (row, tap) in activeTaps.enumerated() {
            let c = tap / (kernelHeight * kernelWidth), i = tap / kernelWidth % kernelHeight, j = tap % kernelWidth
            let shift = offsetX + j * dilation
            let xStart = min(width, max(0, -shift)), xEnd = max(xStart, min(width, width - shift))
            for y in 0..<height {
                let sourceY = y + offsetY + i * dilation
                let inside = sourceY >= 0 && sourceY < height
                // Zeros by loops, not `update(repeating:)`: a call to memset for a few values cost more than
                // writing them (7% of a PixelCNN's step).
                for b in 0..<batch {
                    let target = base + row * columns + b * positions + y * width
                    guard inside else {
                        for x in 0..<width { target[x] = 0 }
                        continue
                    }
                    let source = b * imageSize + (c * height + sourceY) * width + shift
                    for x in 0..<xStart { target[x] = 0 }
                    for x in xStart..<xEnd { target[x] = input[source + x] }
                    for x in xEnd..<width { target[x] = 0 }
                }
            }
        }
    }

    /// Adds each entry of a patch-matrix gradient onto the input pixel it came from (the adjoint of `gather`).
    func scatter(_ matrix: UnsafeBufferPointer<Double>, batch: Int, into input: UnsafeMutableBufferPointer<Double>) {
        let columns = batch * positions, imageSize = channels * positions
        forEachSpan { row, c, y, sourceY, xStart, xEnd, shift in
            for b in 0..<batch {
                let target = row * columns + b * positions + y * width
                let source = b * imageSize + (c * height + sourceY) * width + shift
                for x in xStart..<xEnd { input[source + x] += matrix[target + x] }
            }
        }
    }

    /// out = K · P(in) for a batch: shape [batch, outChannels, height, width], and the patch matrix P(in) (which
    /// the backward pass needs again).
    func convolve(_ input: Tensor, with kernel: Tensor, outChannels: Int, batch: Int) -> (output: Tensor, patches: [Double]) {
        let columns = batch * positions
        var patches = Self.uninitialized(taps * columns)
        var product = Self.uninitialized(outChannels * columns)
        let activeKernel = activeColumns(of: kernel)
        input.scalars.withUnsafeBufferPointer { inputs in patches.withUnsafeMutableBufferPointer { p in
            gather(inputs, batch: batch, into: p)
            activeKernel.withUnsafeBufferPointer { k in product.withUnsafeMutableBufferPointer { out in
                Double.gemm(k.baseAddress!, transposeA: false, p.baseAddress!, transposeB: false,
                    into: out.baseAddress!, m: outChannels, n: columns, k: taps, accumulating: false)
            } }
        } }
        let output = Tensor(shape: [batch, outChannels, height, width],
            scalars: Self.swapOuterAxes(product, outer: outChannels, inner: batch, block: positions))
        return (output, patches)
    }

    /// The gradients of a convolution's input and kernel from its output gradient `g` [batch, outChannels, …],
    /// given the forward pass's `patches`. Without `inputGradient` (the input is data), the input's gradient is not
    /// computed and zeros stand in for it.
    func gradients(_ g: Tensor, input: Tensor, patches: [Double], kernel: Tensor, outChannels: Int, batch: Int,
                   inputGradient needsInputGradient: Bool = true) -> (input: Tensor, kernel: Tensor) {
        let columns = batch * positions
        let gradient = Self.swapOuterAxes(g.scalars, outer: batch, inner: outChannels, block: positions)  // [out, batch·positions]
        var inputGradient = [Double](repeating: 0, count: input.count)
        var kernelGradient = Self.uninitialized(outChannels * taps)
        patches.withUnsafeBufferPointer { p in gradient.withUnsafeBufferPointer { gs in
            kernelGradient.withUnsafeMutableBufferPointer { dK in
                // ∂K = G Pᵀ: [out, columns] · [columns, taps].
                Double.gemm(gs.baseAddress!, transposeA: false, p.baseAddress!, transposeB: true,
                    into: dK.baseAddress!, m: outChannels, n: taps, k: columns, accumulating: false)
            }
        } }
        if needsInputGradient {
            var patchGradient = Self.uninitialized(taps * columns)
            let activeKernel = activeColumns(of: kernel)
            gradient.withUnsafeBufferPointer { gs in activeKernel.withUnsafeBufferPointer { k in
                patchGradient.withUnsafeMutableBufferPointer { dP in
                    // ∂P = Kᵀ G: [taps, out] · [out, columns].
                    Double.gemm(k.baseAddress!, transposeA: true, gs.baseAddress!, transposeB: false,
                        into: dP.baseAddress!, m: taps, n: columns, k: outChannels, accumulating: false)
                    inputGradient.withUnsafeMutableBufferPointer { dIn in scatter(UnsafeBufferPointer(dP), batch: batch, into: dIn) }
                }
            } }
        }
        var fullKernelGradient = [Double](repeating: 0, count: kernel.count)
        let allTaps = channels * kernelHeight * kernelWidth
        for o in 0..<outChannels { for (index, tap) in activeTaps.enumerated() {
            fullKernelGradient[o * allTaps + tap] = kernelGradient[o * taps + index]
        } }
        return (Tensor(shape: input.shape, scalars: inputGradient), Tensor(shape: kernel.shape, scalars: fullKernelGradient))
    }

    /// An array of `count` values that the caller overwrites completely (no zero fill).
    static func uninitialized(_ count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// [outer, inner, block] → [inner, outer, block].
    static func swapOuterAxes(_ values: [Double], outer: Int, inner: Int, block: Int) -> [Double] {
        var result = uninitialized(values.count)
        values.withUnsafeBufferPointer { source in result.withUnsafeMutableBufferPointer { target in
            for o in 0..<outer { for i in 0..<inner {
                let from = (o * inner + i) * block, to = (i * outer + o) * block
                for k in 0..<block { target[to + k] = source[from + k] }
            } }
        } }
        return result
    }
}
