/// A convolution written out as one matrix from input pixels to output pixels: U [outChannels · positions,
/// inChannels · positions], with U[(o, p), (c, q)] the kernel entry that carries input pixel q of channel c to
/// output pixel p of channel o (zero where no active tap does).
///
/// Then out = in · Uᵀ for a whole batch [batch, inChannels · positions] in one product, with no patch matrix, and
/// the gradients are ∂U = Gᵀ · in (folded back onto the kernel's taps) and ∂in = G · U. This is cheaper than the
/// patch matrix (``PatchMatrix``) when the kernel is larger than the image: a 15 × 15 kernel over an 8 × 8 image
/// (lesson 2's PixelCNN) has 112 active taps per output pixel but only 64 input pixels, most of its patch
/// matrix is padding, and U is 1,024 × 64. ``worthUsing(_:outChannels:)`` decides.
struct UnrolledKernel {
    /// The patch layout this unrolls (the same convolution: channels, image, kernel, offsets, active taps).
    let patches: PatchMatrix
    /// Each (output position p, input column c·positions + q, kernel column c·kh·kw + i·kw + j) that an active
    /// tap links, for one output channel; every output channel has the same links.
    private let links: [(position: Int, column: Int, tap: Int)]

    init(_ patches: PatchMatrix) {
        self.patches = patches
        var links: [(position: Int, column: Int, tap: Int)] = []
        let (height, width, positions) = (patches.height, patches.width, patches.positions)
        for tap in patches.activeTaps {
            let c = tap / (patches.kernelHeight * patches.kernelWidth)
            let i = tap / patches.kernelWidth % patches.kernelHeight, j = tap % patches.kernelWidth
            for y in 0..<height {
                let sourceY = y + patches.offsetY + i * patches.dilation
                guard sourceY >= 0 && sourceY < height else { continue }
                for x in 0..<width {
                    let sourceX = x + patches.offsetX + j * patches.dilation
                    guard sourceX >= 0 && sourceX < width else { continue }
                    links.append((y * width + x, c * positions + sourceY * width + sourceX, tap))
                }
            }
        }
        self.links = links
    }

    /// Whether unrolling does fewer multiply-adds than the patch matrix (an input row shorter than the active taps),
    /// and U stays small (at most 2²² entries, 32 MB).
    static func worthUsing(_ patches: PatchMatrix, outChannels: Int) -> Bool {
        let inputRow = patches.channels * patches.positions
        return inputRow < patches.taps && outChannels * patches.positions * inputRow <= 1 << 22
    }

    private var inputRow: Int { patches.channels * patches.positions }
    private var allTaps: Int { patches.channels * patches.kernelHeight * patches.kernelWidth }

    /// U for `kernel` [outChannels, all taps] (already masked): [outChannels · positions, inChannels · positions].
    func matrix(of kernel: Tensor, outChannels: Int) -> [Double] {
        let (positions, inputRow, allTaps) = (patches.positions, inputRow, allTaps)
        var matrix = [Double](repeating: 0, count: outChannels * positions * inputRow)
        kernel.scalars.withUnsafeBufferPointer { k in matrix.withUnsafeMutableBufferPointer { u in
            for o in 0..<outChannels {
                for link in links { u[(o * positions + link.position) * inputRow + link.column] = k[o * allTaps + link.tap] }
            }
        } }
        return matrix
    }

    /// out = in · Uᵀ: shape [batch, outChannels, height, width].
    func convolve(_ input: Tensor, unrolled: [Double], outChannels: Int, batch: Int) -> Tensor {
        let outputRow = outChannels * patches.positions
        var output = PatchMatrix.uninitialized(batch * outputRow)
        input.scalars.withUnsafeBufferPointer { x in unrolled.withUnsafeBufferPointer { u in
            output.withUnsafeMutableBufferPointer { out in
                Double.gemm(x.baseAddress!, transposeA: false, u.baseAddress!, transposeB: true,
                    into: out.baseAddress!, m: batch, n: outputRow, k: inputRow, accumulating: false)
            }
        } }
        return Tensor(shape: [batch, outChannels, patches.height, patches.width], scalars: output)
    }

    /// The gradients of the input and of the kernel [outChannels, all taps] from the output's gradient `g`. Without
    /// `inputGradient` (the input is data), zeros stand in for the input's.
    func gradients(_ g: Tensor, input: Tensor, unrolled: [Double], kernelShape: [Int], outChannels: Int, batch: Int,
                   inputGradient needsInputGradient: Bool) -> (input: Tensor, kernel: Tensor) {
        let (positions, inputRow, allTaps) = (patches.positions, inputRow, allTaps)
        let outputRow = outChannels * positions
        var unrolledGradient = PatchMatrix.uninitialized(outputRow * inputRow)
        var kernelGradient = [Double](repeating: 0, count: outChannels * allTaps)
        var inputGradient = [Double](repeating: 0, count: input.count)
        g.scalars.withUnsafeBufferPointer { gs in input.scalars.withUnsafeBufferPointer { x in
            unrolledGradient.withUnsafeMutableBufferPointer { dU in
                // ∂U = Gᵀ · in: [outChannels · positions, batch] · [batch, inChannels · positions].
                Double.gemm(gs.baseAddress!, transposeA: true, x.baseAddress!, transposeB: false,
                    into: dU.baseAddress!, m: outputRow, n: inputRow, k: batch, accumulating: false)
                kernelGradient.withUnsafeMutableBufferPointer { dK in
                    for o in 0..<outChannels {
                        for link in links { dK[o * allTaps + link.tap] += dU[(o * positions + link.position) * inputRow + link.column] }
                    }
                }
            }
            if needsInputGradient {
                unrolled.withUnsafeBufferPointer { u in inputGradient.withUnsafeMutableBufferPointer { dIn in
                    // ∂in = G · U: [batch, outChannels · positions] · [outChannels · positions, inChannels · positions].
                    Double.gemm(gs.baseAddress!, transposeA: false, u.baseAddress!, transposeB: false,
                        into: dIn.baseAddress!, m: batch, n: inputRow, k: outputRow, accumulating: false)
                } }
            }
        } }
        return (Tensor(shape: input.shape, scalars: inputGradient), Tensor(shape: kernelShape, scalars: kernelGradient))
    }
}
