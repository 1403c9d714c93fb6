extension Tensor {
    /// The shape of `a ∘ b` under NumPy broadcasting: shapes aligned at their trailing axes; sizes equal or 1.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let rank = max(a.count, b.count)
        let paddedA = [Int](repeating: 1, count: rank - a.count) + a
        let paddedB = [Int](repeating: 1, count: rank - b.count) + b
        return zip(paddedA, paddedB).map { x, y in
            precondition(x == y || x == 1 || y == 1, "Tensor: shapes \(a) and \(b) do not broadcast")
            return max(x, y)
        }
    }

    /// `combine` applied elementwise to `a` and `b`, broadcast to a common shape.
    public static func broadcast(_ a: Tensor, _ b: Tensor, _ combine: (Double, Double) -> Double) -> Tensor {
        if a.shape == b.shape { return Tensor(shape: a.shape, scalars: zip(a.scalars, b.scalars).map(combine)) }
        let shape = broadcastShape(a.shape, b.shape)
        let stridesA = broadcastStrides(a.shape, rank: shape.count)
        let stridesB = broadcastStrides(b.shape, rank: shape.count)
        var result = [Double](repeating: 0, count: shape.reduce(1, *))
        var index = [Int](repeating: 0, count: shape.count)
        for position in result.indices {
            var offsetA = 0, offsetB = 0
            for axis in shape.indices {
                offsetA += index[axis] * stridesA[axis]
                offsetB += index[axis] * stridesB[axis]
            }
            result[position] = combine(a.scalars[offsetA], b.scalars[offsetB])
            advance(&index, within: shape)
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// Sums `self` down to `target` shape: the inverse of broadcasting, used by gradients.
    public func summed(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        var result = Tensor(repeating: 0, shape: target)
        let strides = Tensor.broadcastStrides(target, rank: shape.count)
        var index = [Int](repeating: 0, count: shape.count)
        for position in scalars.indices {
            var offset = 0
            for axis in shape.indices { offset += index[axis] * strides[axis] }
            result.scalars[offset] += scalars[position]
            Tensor.advance(&index, within: shape)
        }
        return result
    }

    /// Steps a multi-index to the next position in row-major order (the last axis fastest).
    static func advance(_ index: inout [Int], within shape: [Int]) {
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] += 1
            if index[axis] < shape[axis] { return }
            index[axis] = 0
            axis -= 1
        }
    }

    /// Row-major strides of `shape` padded to `rank`, with 0 along axes of size 1 (broadcast axes).
    static func broadcastStrides(_ shape: [Int], rank: Int) -> [Int] {
        let padded = [Int](repeating: 1, count: rank - shape.count) + shape
        var strides = [Int](repeating: 0, count: rank)
        var stride = 1
        for axis in (0..<rank).reversed() {
            strides[axis] = padded[axis] == 1 ? 0 : stride
            stride *= padded[axis]
        }
        return strides
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor { broadcast(a, b, +) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { broadcast(a, b, -) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { broadcast(a, b, *) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { broadcast(a, b, /) }
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }
}
