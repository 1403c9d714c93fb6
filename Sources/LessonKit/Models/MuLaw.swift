import Foundation

/// μ-law companding (ITU-T G.711), as WaveNet uses to turn audio in [−1, 1] into 256 classes:
/// F(x) = sign(x) · ln(1 + μ|x|) / ln(1 + μ), then F is quantised uniformly to `levels` classes.
/// Small amplitudes get finer steps than large ones, which suits speech and music.
public struct MuLaw: Sendable {
    /// Number of classes (256 for 8-bit audio); μ = levels − 1.
    public let levels: Int
    /// μ = levels − 1.
    public var mu: Double { Double(levels - 1) }

    /// Companding to `levels` classes.
    public init(levels: Int = 256) { self.levels = levels }

    /// F(x) for x in [−1, 1] (clipped).
    public func compress(_ x: Double) -> Double {
        let clipped = min(1, max(-1, x))
        return (clipped < 0 ? -1 : 1) * Foundation.log1p(mu * abs(clipped)) / Foundation.log1p(mu)
    }

    /// F⁻¹(y) = sign(y) · ((1 + μ)^|y| − 1) / μ.
    public func expand(_ y: Double) -> Double {
        (y < 0 ? -1 : 1) * Foundation.expm1(abs(y) * Foundation.log1p(mu)) / mu
    }

    /// The class 0..<levels of a sample x in [−1, 1]: F(x) mapped from [−1, 1] to the nearest level.
    public func encode(_ x: Double) -> Int {
        Int(((compress(x) + 1) / 2 * mu).rounded())
    }

    /// The amplitude of a class: the centre of its level, expanded back.
    public func decode(_ level: Int) -> Double {
        expand(Double(level) / mu * 2 - 1)
    }
}
