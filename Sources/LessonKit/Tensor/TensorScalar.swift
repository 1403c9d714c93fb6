internal import COpenBLAS

/// The element types a tensor can hold: `Double` (what the autodiff tape uses) and `Float` (half the memory,
/// twice the BLAS throughput), each with its OpenBLAS matrix product.
public protocol TensorScalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// C ← op(A) op(B) (+ C when `accumulating`) for row-major A [m, k] (or [k, m] when `transposeA`) and
    /// B [k, n] (or [n, k]): BLAS gemm with α = 1 and β = 0 or 1.
    static func gemm(
        _ a: UnsafePointer<Self>, transposeA: Bool, _ b: UnsafePointer<Self>, transposeB: Bool,
        into c: UnsafeMutablePointer<Self>, m: Int, n: Int, k: Int, accumulating: Bool
    )
}

extension Double: TensorScalar {
    /// The matrix product through OpenBLAS `cblas_dgemm`.
    public static func gemm(
        _ a: UnsafePointer<Double>, transposeA: Bool, _ b: UnsafePointer<Double>, transposeB: Bool,
        into c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int, accumulating: Bool
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), 1, a, blasint(transposeA ? m : k), b, blasint(transposeB ? k : n),
            accumulating ? 1 : 0, c, blasint(n))
    }
}

extension Float: TensorScalar {
    /// The matrix product through OpenBLAS `cblas_sgemm`.
    public static func gemm(
        _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
        into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulating: Bool
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), 1, a, blasint(transposeA ? m : k), b, blasint(transposeB ? k : n),
            accumulating ? 1 : 0, c, blasint(n))
    }
}
