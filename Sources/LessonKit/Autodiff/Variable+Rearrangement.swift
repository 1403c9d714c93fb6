// Moving values between positions without arithmetic: taking rows or columns out of a feature map, skewing it
// for the Diagonal BiLSTM, mirroring it, shifting it down, and joining the pieces a recurrence produced. Two
// primitives cover all of these; their backward rules route each gradient back to where its value came from.

extension Variable {
    /// Picks positions along the last axis: [..., P] → [..., Q] with out[..., q] = in[..., sources[q]], or 0 where
    /// sources[q] is nil (padding). A position may be picked more than once; ∂ adds each output's gradient
    /// back onto the position it came from.
    public func gathered(from sources: [Int?]) -> Variable {
        let p = shape.last ?? 1, q = sources.count, groups = value.count / max(1, p)
        precondition(sources.allSatisfy { $0.map { (0..<p).contains($0) } ?? true },
            "gathered(from:): every source must lie in 0..<\(p)")
        // Sources as plain integers (−1 for padding), walked once per group with unchecked buffers.
        let map = sources.map { $0 ?? -1 }
        var output = [Double](repeating: 0, count: groups * q)
        value.scalars.withUnsafeBufferPointer { input in output.withUnsafeMutableBufferPointer { out in
            for group in 0..<groups {
                for target in 0..<q where map[target] >= 0 { out[group * q + target] = input[group * p + map[target]] }
            }
        } }
        return Variable(Tensor(shape: shape.dropLast() + [q], scalars: output), inputs: [self], onlyMovesValues: true) { g in
            var gradient = [Double](repeating: 0, count: groups * p)
            g.scalars.withUnsafeBufferPointer { upstream in gradient.withUnsafeMutableBufferPointer { back in
                for group in 0..<groups {
                    for target in 0..<q where map[target] >= 0 { back[group * p + map[target]] += upstream[group * q + target] }
                }
            } }
            return [Tensor(shape: self.shape, scalars: gradient)]
        }
    }

    /// Joins variables along the last axis: shapes [..., Pₖ] (equal leading axes) → [..., ΣPₖ];
    /// ∂ = each part's slice of g.
    public static func concatenated(_ parts: [Variable]) -> Variable {
        precondition(!parts.isEmpty, "concatenated: nothing to join")
        let leading = Array(parts[0].shape.dropLast()), groups = leading.reduce(1, *)
        precondition(parts.allSatisfy { Array($0.shape.dropLast()) == leading },
            "concatenated: parts must agree on every axis but the last, got \(parts.map(\.shape))")
        let widths = parts.map { $0.shape.last ?? 1 }, total = widths.reduce(0, +)
        var output = [Double](repeating: 0, count: groups * total)
        var offset = 0
        for (part, width) in zip(parts, widths) {
            for group in 0..<groups {
                for k in 0..<width { output[group * total + offset + k] = part.value.scalars[group * width + k] }
            }
            offset += width
        }
        return Variable(Tensor(shape: leading + [total], scalars: output), inputs: parts, onlyMovesValues: true) { g in
            var start = 0
            return zip(parts, widths).map { part, width in
                defer { start += width }
                var slice = [Double](repeating: 0, count: groups * width)
                for group in 0..<groups {
                    for k in 0..<width { slice[group * width + k] = g.scalars[group * total + start + k] }
                }
                return Tensor(shape: part.shape, scalars: slice)
            }
        }
    }
}
