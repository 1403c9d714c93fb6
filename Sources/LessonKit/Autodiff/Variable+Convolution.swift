// Convolutions as primitive operations with their own backward rules. Each is lowered to matrix products
// ("im2col"): the input patches every output position sees are laid out as the columns of a matrix, so the
// convolution is one product of the kernel (rows: output channels) with that matrix per image.

extension Variable {
    /// 2-D convolution with "same" zero padding and an optional mask on the kernel (PixelCNN's masks A and B).
    ///
    /// Shapes: input [batch, inChannels, height, width], kernel [outChannels, inChannels, k, k] (k odd),
    /// mask like the kernel (entries 0 or 1); output [batch, outChannels, height, width] with
    /// out[b, o, y, x] = Σ_{c, i, j} (kernel ⊙ mask)[o, c, i, j] · in[b, c, y + i − k/2, x + j − k/2].
    public func convolution2D(kernel: Variable, mask: Tensor? = nil) -> Variable {
        convolution2D(kernel: kernel, mask: mask, unrolling: nil)
    }

    /// ``convolution2D(kernel:mask:)`` computed through the patch matrix or the unrolled kernel (`unrolling`; nil:
    /// whichever does less work). The two are the same convolution up to rounding.
    func convolution2D(kernel: Variable, mask: Tensor?, unrolling: Bool?) -> Variable {
        let (batch, inChannels, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let (outChannels, size) = (kernel.shape[0], kernel.shape[2])
        precondition(kernel.shape == [outChannels, inChannels, size, size] && size % 2 == 1,
            "convolution2D: kernel shape \(kernel.shape) must be [out, \(inChannels), k, k] with k odd")
        let effective = mask.map { kernel.value * $0 } ?? kernel.value
        let patches = PatchMatrix(channels: inChannels, height: height, width: width, kernelHeight: size, kernelWidth: size,
            offsetY: -(size / 2), offsetX: -(size / 2), dilation: 1, mask: mask)
        let input = value, inputNeedsGradient = requiresGradient
        if unrolling ?? UnrolledKernel.worthUsing(patches, outChannels: outChannels) {
            let unrolledKernel = UnrolledKernel(patches)
            let unrolled = unrolledKernel.matrix(of: effective, outChannels: outChannels)
            let output = unrolledKernel.convolve(value, unrolled: unrolled, outChannels: outChannels, batch: batch)
            let kernelShape = kernel.shape
            return Variable(output, inputs: [self, kernel], work: output.count * patches.taps) { g in
                var (inputGradient, kernelGradient) = unrolledKernel.gradients(g, input: input, unrolled: unrolled,
                    kernelShape: kernelShape, outChannels: outChannels, batch: batch, inputGradient: inputNeedsGradient)
                if let mask { kernelGradient = kernelGradient * mask }
                return [inputGradient, kernelGradient]
            }
        }
        let (output, patchValues) = patches.convolve(value, with: effective, outChannels: outChannels, batch: batch)
        return Variable(output, inputs: [self, kernel], work: output.count * patches.taps) { g in
            var (inputGradient, kernelGradient) = patches.gradients(g, input: input, patches: patchValues, kernel: effective,
                outChannels: outChannels, batch: batch, inputGradient: inputNeedsGradient)
            if let mask { kernelGradient = kernelGradient * mask }
            return [inputGradient, kernelGradient]
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
        // A 1-D signal is an image of height 1 whose kernel reaches (k − 1)·d steps into the past.
        let patches = PatchMatrix(channels: inChannels, height: 1, width: time, kernelHeight: 1, kernelWidth: size,
            offsetY: 0, offsetX: -(size - 1) * dilation, dilation: dilation, mask: nil)
        let (output, patchValues) = patches.convolve(value, with: kernel.value, outChannels: outChannels, batch: batch)
        let input = value, kernelValue = kernel.value, inputNeedsGradient = requiresGradient
        return Variable(output.reshaped([batch, outChannels, time]), inputs: [self, kernel], work: output.count * patches.taps) { g in
            let (inputGradient, kernelGradient) = patches.gradients(g, input: input, patches: patchValues, kernel: kernelValue,
                outChannels: outChannels, batch: batch, inputGradient: inputNeedsGradient)
            return [inputGradient.reshaped(input.shape), kernelGradient.reshaped(kernelValue.shape)]
        }
    }
}
