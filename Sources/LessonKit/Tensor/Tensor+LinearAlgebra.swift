extension TensorOf {
    /// The matrix product of [m, k] and [k, n] tensors: an [m, n] tensor, cᵢⱼ = Σₖ aᵢₖ bₖⱼ, computed by OpenBLAS.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func matmul(_ other: Self) -> Self { matmul(other, transposingSelf: false, transposingOther: false) }

    /// op(self) · op(other), where op transposes a matrix when asked: the products the backward rule of a
    /// matrix product needs (G Bᵀ and Aᵀ G) without materialising a transpose.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func matmul(_ other: Self, transposingSelf: Bool, transposingOther: Bool) -> Self {
        precondition(shape.count == 2 && other.shape.count == 2, "Tensor.matmul: shapes \(shape) and \(other.shape) are not matrices")
        let (m, k) = transposingSelf ? (shape[1], shape[0]) : (shape[0], shape[1])
        let (k2, n) = transposingOther ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
        precondition(k == k2, "Tensor.matmul: shapes \(shape)\(transposingSelf ? "ᵀ" : "") and \(other.shape)\(transposingOther ? "ᵀ" : "") do not multiply")
        var result = [Scalar](repeating: 0, count: m * n)
        if m > 0, n > 0, k > 0 {
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    result.withUnsafeMutableBufferPointer { c in
                        Scalar.gemm(a.baseAddress!, transposeA: transposingSelf, b.baseAddress!, transposeB: transposingOther,
                            into: c.baseAddress!, m: m, n: n, k: k, accumulating: false)
                    }
                }
            }
        }
        return Self(shape: [m, n], scalars: result)
    }

    /// Sum of all elements (a scalar tensor).
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func sum() -> Self { Self(scalars.reduce(0, +)) }

    /// Sum along `axis`, which is removed from the shape.
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    public func sum(alongAxis axis: Int) -> Self {
        precondition(axis >= 0 && axis < shape.count, "Tensor.sum: no axis \(axis) in shape \(shape)")
        let outer = shape[..<axis].reduce(1, *), size = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        var result = [Scalar](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for o in 0..<outer { for s in 0..<size {
                    let row = (o * size + s) * inner
                    for i in 0..<inner { target[o * inner + i] += source[row + i] }
                } }
            }
        }
        var newShape = shape
        newShape.remove(at: axis)
        return Self(shape: newShape, scalars: result)
    }
}
