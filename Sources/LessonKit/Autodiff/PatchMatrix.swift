/// The "im2col" layout of a convolution: for one image of shape [channels, height, width], a matrix with one
/// row per kernel tap (c, i, j) and one column per output position (y, x), holding the input pixel that tap
/// sees, in[c, y + offsetY + i·dilation, x + offsetX + j·dilation], or 0 outside the image.
///
/// A convolution is then out = K · P per image, with K the kernel as an [outChannels, taps] matrix; its
/// gradients are ∂K = Σ_images G · Pᵀ and ∂P = Kᵀ · G, which `scatter` folds back onto the input pixels.
struct PatchMatrix {
    let channels: Int, height: Int, width: Int
    let kernelHeight: Int, kernelWidth: Int
    let offsetY: Int, offsetX: Int, dilation: Int

    var taps: Int { channels * kernelHeight * kernelWidth }
    var positions: Int { height * width }

    /// Visits every (tap row, output position, input pixel) triple whose pixel lies inside the image.
    func forEachEntry(_ body: (_ entry: Int, _ pixel: Int) -> Void) {
        for c in 0..<channels { for i in 0..<kernelHeight { for j in 0..<kernelWidth {
            let row = (c * kernelHeight + i) * kernelWidth + j
            for y in 0..<height {
                let sourceY = y + offsetY + i * dilation
                guard sourceY >= 0 && sourceY < height else { continue }
                for x in 0..<width {
                    let sourceX = x + offsetX + j * dilation
                    guard sourceX >= 0 && sourceX < width else { continue }
                    body(row * positions + y * width + x, (c * height + sourceY) * width + sourceX)
                }
            }
        } } }
    }

    /// The patch matrix [taps, positions] of one image (`image` points at its channels × height × width values).
    func gather(_ image: UnsafeBufferPointer<Double>, into matrix: UnsafeMutableBufferPointer<Double>) {
        matrix.update(repeating: 0)
        forEachEntry { entry, pixel in matrix[entry] = image[pixel] }
    }

    /// Adds each entry of a patch-matrix gradient onto the input pixel it came from (the adjoint of `gather`).
    func scatter(_ matrix: UnsafeBufferPointer<Double>, into image: UnsafeMutableBufferPointer<Double>) {
        forEachEntry { entry, pixel in image[pixel] += matrix[entry] }
    }

    /// out[b] = K · P(in[b]) for a batch: shape [batch, outChannels, height, width].
    func convolve(_ input: Tensor, with kernel: Tensor, outChannels: Int, batch: Int) -> Tensor {
        let imageSize = channels * positions, outputSize = outChannels * positions
        var output = [Double](repeating: 0, count: batch * outputSize)
        var patches = [Double](repeating: 0, count: taps * positions)
        input.scalars.withUnsafeBufferPointer { inputs in kernel.scalars.withUnsafeBufferPointer { k in
            output.withUnsafeMutableBufferPointer { out in patches.withUnsafeMutableBufferPointer { p in
                for b in 0..<batch {
                    gather(UnsafeBufferPointer(rebasing: inputs[(b * imageSize)..<((b + 1) * imageSize)]), into: p)
                    Double.gemm(k.baseAddress!, transposeA: false, p.baseAddress!, transposeB: false,
                        into: out.baseAddress! + b * outputSize, m: outChannels, n: positions, k: taps, accumulating: false)
                }
            } }
        } }
        return Tensor(shape: [batch, outChannels, height, width], scalars: output)
    }

    /// The gradients of a convolution's input and kernel from its output gradient `g` [batch, outChannels, …].
    func gradients(_ g: Tensor, input: Tensor, kernel: Tensor, outChannels: Int, batch: Int) -> (input: Tensor, kernel: Tensor) {
        let imageSize = channels * positions, outputSize = outChannels * positions
        var inputGradient = [Double](repeating: 0, count: input.count)
        var kernelGradient = [Double](repeating: 0, count: kernel.count)
        var patches = [Double](repeating: 0, count: taps * positions)
        var patchGradient = [Double](repeating: 0, count: taps * positions)
        input.scalars.withUnsafeBufferPointer { inputs in kernel.scalars.withUnsafeBufferPointer { k in
            g.scalars.withUnsafeBufferPointer { gs in
                inputGradient.withUnsafeMutableBufferPointer { dIn in kernelGradient.withUnsafeMutableBufferPointer { dK in
                    patches.withUnsafeMutableBufferPointer { p in patchGradient.withUnsafeMutableBufferPointer { dP in
                        for b in 0..<batch {
                            let gb = gs.baseAddress! + b * outputSize
                            gather(UnsafeBufferPointer(rebasing: inputs[(b * imageSize)..<((b + 1) * imageSize)]), into: p)
                            // ∂K += G Pᵀ: [out, positions] · [positions, taps].
                            Double.gemm(gb, transposeA: false, p.baseAddress!, transposeB: true,
                                into: dK.baseAddress!, m: outChannels, n: taps, k: positions, accumulating: true)
                            // ∂P = Kᵀ G: [taps, out] · [out, positions].
                            Double.gemm(k.baseAddress!, transposeA: true, gb, transposeB: false,
                                into: dP.baseAddress!, m: taps, n: positions, k: outChannels, accumulating: false)
                            scatter(UnsafeBufferPointer(dP), into: UnsafeMutableBufferPointer(rebasing: dIn[(b * imageSize)..<((b + 1) * imageSize)]))
                        }
                    } }
                } }
            }
        } }
        return (Tensor(shape: input.shape, scalars: inputGradient), Tensor(shape: kernel.shape, scalars: kernelGradient))
    }
}
