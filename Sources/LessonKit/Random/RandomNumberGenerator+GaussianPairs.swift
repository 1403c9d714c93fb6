import Foundation

extension RandomNumberGenerator {
    /// Fills `buffer` with independent standard normal draws by Marsaglia's polar method: draw (u, v) uniform on
    /// [−1, 1)² until 0 < s = u² + v² < 1 (probability π/4), then u·f and v·f with f = √(−2 log s / s) are two
    /// independent N(0, 1) draws, for one log and one square root and no trigonometry. A different (equally
    /// valid) stream from calling `gaussian()` repeatedly; used where samplers need many normals per step.
    public mutating func fillGaussian(_ buffer: inout [Double]) {
        let n = buffer.count
        var i = 0
        while i < n {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let f = (-2 * log(s) / s).squareRoot()
            buffer[i] = u * f
            if i + 1 < n { buffer[i + 1] = v * f }
            i += 2
        }
    }
}
