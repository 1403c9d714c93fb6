extension Tensor {
    /// The matrix product of [m, k] and [k, n] tensors: an [m, n] tensor, cᵢⱼ = Σₖ aᵢₖ bₖⱼ (i-k-j loop order,
    /// so the inner loop runs along contiguous rows).
    public func matmul(_ other: Tensor) -> Tensor {
        precondition(shape.count == 2 && other.shape.count == 2 && shape[1] == other.shape[0],
            "Tensor.matmul: shapes \(shape) and \(other.shape) do not multiply")
        let (m, k, n) = (shape[0], shape[1], other.shape[1])
        var result = [Double](repeating: 0, count: m * n)
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    for i in 0..<m {
                        for p in 0..<k {
                            let aip = a[i * k + p]
                            if aip == 0 { continue }
                            for j in 0..<n { c[i * n + j] += aip * b[p * n + j] }
                        }
                    }
                }
            }
        }
        return Tensor(shape: [m, n], scalars: result)
    }

    /// Sum of all elements (a scalar tensor).
    public func sum() -> Tensor { Tensor(scalars.reduce(0, +)) }

    /// Sum along `axis`, which is removed from the shape.
    public func sum(alongAxis axis: Int) -> Tensor {
        precondition(axis >= 0 && axis < shape.count, "Tensor.sum: no axis \(axis) in shape \(shape)")
        let outer = shape[..<axis].reduce(1, *), size = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        var result = [Double](repeating: 0, count: outer * inner)
        for o in 0..<outer { for s in 0..<size { for i in 0..<inner {
            result[o * inner + i] += scalars[(o * size + s) * inner + i]
        } } }
        var newShape = shape
        newShape.remove(at: axis)
        return Tensor(shape: newShape, scalars: result)
    }
}
