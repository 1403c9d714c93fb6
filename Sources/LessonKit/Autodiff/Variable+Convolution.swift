// Convolutions as primitive operations with their own backward rules (naive loops, written to be read).

extension Variable {
    /// 2-D convolution with "same" zero padding and an optional mask on the kernel (PixelCNN's masks A and B).
    ///
    /// Shapes: input [batch, inChannels, height, width], kernel [outChannels, inChannels, k, k] (k odd),
    /// mask like the kernel (entries 0 or 1); output [batch, outChannels, height, width] with
    /// out[b, o, y, x] = Σ_{c, i, j} (kernel ⊙ mask)[o, c, i, j] · in[b, c, y + i − k/2, x + j − k/2].
    public func convolution2D(kernel: Variable, mask: Tensor? = nil) -> Variable {
        let (batch, inChannels, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let (outChannels, size) = (kernel.shape[0], kernel.shape[2])
        precondition(kernel.shape == [outChannels, inChannels, size, size] && size % 2 == 1,
            "convolution2D: kernel shape \(kernel.shape) must be [out, \(inChannels), k, k] with k odd")
        let effective = mask.map { kernel.value * $0 } ?? kernel.value
        let half = size / 2
        let input = value
        var output = [Double](repeating: 0, count: batch * outChannels * height * width)
        // Visits every (output position, kernel tap) pair whose input position lies inside the image.
        func forEachTap(_ body: (_ outIndex: Int, _ inIndex: Int, _ kernelIndex: Int) -> Void) {
            for b in 0..<batch { for o in 0..<outChannels { for c in 0..<inChannels {
                for i in 0..<size { for j in 0..<size {
                    let kernelIndex = ((o * inChannels + c) * size + i) * size + j
                    guard effective.scalars[kernelIndex] != 0 || mask == nil else { continue }
                    for y in 0..<height {
                        let sourceY = y + i - half
                        guard sourceY >= 0 && sourceY < height else { continue }
                        for x in 0..<width {
                            let sourceX = x + j - half
                            guard sourceX >= 0 && sourceX < width else { continue }
                            body(((b * outChannels + o) * height + y) * width + x,
                                ((b * inChannels + c) * height + sourceY) * width + sourceX, kernelIndex)
                        }
                    }
                } }
            } } }
        }
        forEachTap { output[$0] += effective.scalars[$2] * input.scalars[$1] }
        return Variable(Tensor(shape: [batch, outChannels, height, width], scalars: output), inputs: [self, kernel]) { g in
            var inputGradient = [Double](repeating: 0, count: input.count)
            var kernelGradient = [Double](repeating: 0, count: kernel.value.count)
            forEachTap { outIndex, inIndex, kernelIndex in
                inputGradient[inIndex] += g.scalars[outIndex] * effective.scalars[kernelIndex]
                kernelGradient[kernelIndex] += g.scalars[outIndex] * input.scalars[inIndex]
            }
            var kernelTensor = Tensor(shape: kernel.shape, scalars: kernelGradient)
            if let mask { kernelTensor = kernelTensor * mask }
            return [Tensor(shape: input.shape, scalars: inputGradient), kernelTensor]
        }
    }

    /// 1-D causal convolution with dilation (WaveNet): output time t sees only inputs at t, t − d, …, t − (k−1)d.
    ///
    /// Shapes: input [batch, inChannels, time], kernel [outChannels, inChannels, k]; output
    /// [batch, outChannels, time] with out[b, o, t] = Σ_{c, i} kernel[o, c, i] · in[b, c, t − (k − 1 − i)·d]
    /// (zero before the start).
    public func causalConvolution1D(kernel: Variable, dilation: Int = 1) -> Variable {
        let (batch, inChannels, time) = (shape[0], shape[1], shape[2])
        let (outChannels, size) = (kernel.shape[0], kernel.shape[2])
        precondition(kernel.shape == [outChannels, inChannels, size] && dilation >= 1,
            "causalConvolution1D: kernel shape \(kernel.shape) must be [out, \(inChannels), k]")
        let input = value
        func forEachTap(_ body: (_ outIndex: Int, _ inIndex: Int, _ kernelIndex: Int) -> Void) {
            for b in 0..<batch { for o in 0..<outChannels { for c in 0..<inChannels { for i in 0..<size {
                let shift = (size - 1 - i) * dilation
                for t in shift..<max(shift, time) {
                    body((b * outChannels + o) * time + t, (b * inChannels + c) * time + t - shift, (o * inChannels + c) * size + i)
                }
            } } } }
        }
        var output = [Double](repeating: 0, count: batch * outChannels * time)
        forEachTap { output[$0] += kernel.value.scalars[$2] * input.scalars[$1] }
        return Variable(Tensor(shape: [batch, outChannels, time], scalars: output), inputs: [self, kernel]) { g in
            var inputGradient = [Double](repeating: 0, count: input.count)
            var kernelGradient = [Double](repeating: 0, count: kernel.value.count)
            forEachTap { outIndex, inIndex, kernelIndex in
                inputGradient[inIndex] += g.scalars[outIndex] * kernel.value.scalars[kernelIndex]
                kernelGradient[kernelIndex] += g.scalars[outIndex] * input.scalars[inIndex]
            }
            return [Tensor(shape: input.shape, scalars: inputGradient), Tensor(shape: kernel.shape, scalars: kernelGradient)]
        }
    }
}
