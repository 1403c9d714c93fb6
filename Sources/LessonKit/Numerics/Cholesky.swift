import Foundation

/// Small dense symmetric positive-definite matrices, row-major `[[Double]]`: the Cholesky factor and what it gives.
public enum Cholesky {
    /// The lower-triangular L with L Lᵀ = `matrix`; nil if `matrix` is not positive definite.
    public static func factor(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var lower = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= lower[i][k] * lower[j][k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    lower[i][i] = sum.squareRoot()
                } else {
                    lower[i][j] = sum / lower[j][j]
                }
            }
        }
        return lower
    }

    /// log det(A) = 2 Σ log Lᵢᵢ from the factor L.
    public static func logDeterminant(factor lower: [[Double]]) -> Double {
        2 * lower.indices.reduce(0) { $0 + log(lower[$1][$1]) }
    }

    /// x with L x = b (forward substitution).
    public static func solveLower(_ lower: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices {
            for k in 0..<i { x[i] -= lower[i][k] * x[k] }
            x[i] /= lower[i][i]
        }
        return x
    }

    /// x with Lᵀ x = b (back substitution).
    public static func solveUpper(transposeOf lower: [[Double]], _ b: [Double]) -> [Double] {
        var x = b
        for i in x.indices.reversed() {
            for k in (i + 1)..<x.count { x[i] -= lower[k][i] * x[k] }
            x[i] /= lower[i][i]
        }
        return x
    }

    /// A⁻¹ from the factor of A.
    public static func inverse(factor lower: [[Double]]) -> [[Double]] {
        let n = lower.count
        let columns = (0..<n).map { column in
            solveUpper(transposeOf: lower, solveLower(lower, (0..<n).map { $0 == column ? 1 : 0 }))
        }
        return (0..<n).map { row in (0..<n).map { columns[$0][row] } }
    }
}
