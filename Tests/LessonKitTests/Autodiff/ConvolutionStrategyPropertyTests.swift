import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// A 2-D convolution computed through the patch matrix and through the unrolled kernel is the same convolution, and
/// both are the formula written out as loops (out[b, o, y, x] = Σ (kernel ⊙ mask)[o, c, i, j] · in[b, c, y + i − k/2,
/// x + j − k/2]): values and the gradients of the input and of the kernel, over generated shapes (kernels larger
/// than the image included), masks (none, PixelCNN's A and B, random) and data or learned inputs.
@Suite struct ConvolutionStrategyPropertyTests {
    /// A random tensor of `shape` from `seed`.
    static func random(_ shape: [Int], seed: UInt64) -> Tensor {
        var generator = SeededGenerator(seed: seed)
        return Tensor(randomNormal: shape, using: &generator)
    }

    /// The convolution by its definition.
    static func reference(_ input: Tensor, _ kernel: Tensor) -> [Double] {
        let (batch, inChannels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let (outChannels, size) = (kernel.shape[0], kernel.shape[2])
        var output = [Double](repeating: 0, count: batch * outChannels * height * width)
        for b in 0..<batch { for o in 0..<outChannels { for y in 0..<height { for x in 0..<width {
            var total = 0.0
            for c in 0..<inChannels { for i in 0..<size { for j in 0..<size {
                let (sourceY, sourceX) = (y + i - size / 2, x + j - size / 2)
                guard sourceY >= 0, sourceY < height, sourceX >= 0, sourceX < width else { continue }
                total += kernel.scalars[((o * inChannels + c) * size + i) * size + j]
                    * input.scalars[((b * inChannels + c) * height + sourceY) * width + sourceX]
            } } }
            output[((b * outChannels + o) * height + y) * width + x] = total
        } } } }
        return output
    }

    static func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
        #expect(a.count == b.count, "\(what): \(a.count) values against \(b.count)")
        let scale = max(1, b.map(abs).max() ?? 0)
        for (index, (x, y)) in zip(a, b).enumerated() where abs(x - y) > 1e-12 * scale {
            Issue.record("\(what)[\(index)]: \(x) against \(y)")
            return
        }
    }

    @Test func bothWaysAreTheDefinition() async {
        let shape = Gen.int(in: 1...3).array(of: 3...3)  // batch, inChannels, outChannels
        let image = Gen.int(in: 1...6).array(of: 2...2)
        await propertyCheck(count: 150, input: shape, image, Gen.int(in: 0...4), Gen.int(in: 0...3),
                            Gen.bool, Gen.uint(in: 0...UInt.max)) { shape, image, halfSize, maskKind, learnedInput, seed in
            let size = 2 * halfSize + 1  // 1 to 9: up to larger than the image
            let (batch, inChannels, outChannels) = (shape[0], shape[1], shape[2])
            let input = Self.random([batch, inChannels, image[0], image[1]], seed: UInt64(seed))
            let kernel = Self.random([outChannels, inChannels, size, size], seed: UInt64(seed) &+ 1)
            let weights = Self.random([batch, outChannels, image[0], image[1]], seed: UInt64(seed) &+ 2)
            var mask: Tensor?
            switch maskKind {
            case 1: mask = ConvolutionMask.make(.a, outChannels: outChannels, inChannels: inChannels, size: size)
            case 2: mask = ConvolutionMask.make(.b, outChannels: outChannels, inChannels: inChannels, size: size)
            case 3: mask = Self.random(kernel.shape, seed: UInt64(seed) &+ 3).map { $0 > 0.3 ? 1 : 0 }
            default: mask = nil
            }
            let effective = mask.map { kernel * $0 } ?? kernel
            let expected = Self.reference(input, effective)
            var results: [(output: [Double], input: Tensor?, kernel: Tensor?)] = []
            for unrolling in [false, true] {
                // Data arrives as an operation's result (a reshape, as a PixelCNN's images do): it must get no
                // gradient, neither a computed one nor the zeros that stand in for it.
                let leaf = Variable(input, requiresGradient: learnedInput)
                let x = learnedInput ? leaf : leaf.reshaped(input.shape), k = Variable(kernel, requiresGradient: true)
                let output = x.convolution2D(kernel: k, mask: mask, unrolling: unrolling)
                Self.expectClose(output.value.scalars, expected, "output, unrolling \(unrolling)")
                (output * Variable(weights)).sum().backward()
                results.append((output.value.scalars, x.gradient, k.gradient))
            }
            let (patches, unrolled) = (results[0], results[1])
            Self.expectClose(unrolled.kernel?.scalars ?? [], patches.kernel?.scalars ?? [], "kernel gradient")
            if let mask, let gradient = unrolled.kernel {
                #expect(zip(gradient.scalars, mask.scalars).allSatisfy { $1 != 0 || $0 == 0 }, "a masked tap learns")
            }
            if learnedInput {
                // ∂/∂in by the definition: the adjoint, Σ over outputs of weight · kernel entry.
                let adjoint = Self.adjoint(weights, effective, imageShape: input.shape)
                Self.expectClose(patches.input?.scalars ?? [], adjoint, "input gradient, patch matrix")
                Self.expectClose(unrolled.input?.scalars ?? [], adjoint, "input gradient, unrolled")
            } else {
                #expect(patches.input == nil && unrolled.input == nil, "data got a gradient")
            }
        }
    }

    /// ∂(Σ w ⊙ conv(in))/∂in by the definition.
    static func adjoint(_ weights: Tensor, _ kernel: Tensor, imageShape: [Int]) -> [Double] {
        let (batch, inChannels, height, width) = (imageShape[0], imageShape[1], imageShape[2], imageShape[3])
        let (outChannels, size) = (kernel.shape[0], kernel.shape[2])
        var gradient = [Double](repeating: 0, count: imageShape.reduce(1, *))
        for b in 0..<batch { for o in 0..<outChannels { for y in 0..<height { for x in 0..<width {
            let w = weights.scalars[((b * outChannels + o) * height + y) * width + x]
            for c in 0..<inChannels { for i in 0..<size { for j in 0..<size {
                let (sourceY, sourceX) = (y + i - size / 2, x + j - size / 2)
                guard sourceY >= 0, sourceY < height, sourceX >= 0, sourceX < width else { continue }
                gradient[((b * inChannels + c) * height + sourceY) * width + sourceX]
                    += w * kernel.scalars[((o * inChannels + c) * size + i) * size + j]
            } } }
        } } } }
        return gradient
    }

    /// The choice: the unrolled kernel where the kernel reaches further than the image has pixels (lesson 2's first
    /// PixelCNN layer), the patch matrix for a small kernel over a larger image.
    @Test func theCheaperWayIsChosen() {
        func patches(_ channels: Int, _ side: Int, _ size: Int, _ kind: ConvolutionMask.Kind) -> PatchMatrix {
            PatchMatrix(channels: channels, height: side, width: side, kernelHeight: size, kernelWidth: size,
                offsetY: -(size / 2), offsetX: -(size / 2), dilation: 1,
                mask: ConvolutionMask.make(kind, outChannels: 16, inChannels: channels, size: size))
        }
        #expect(UnrolledKernel.worthUsing(patches(1, 8, 15, .a), outChannels: 16))
        #expect(!UnrolledKernel.worthUsing(patches(16, 8, 3, .b), outChannels: 16))
        #expect(!UnrolledKernel.worthUsing(patches(1, 28, 7, .a), outChannels: 16))
    }
}
