import Foundation

extension RandomNumberGenerator {
    /// A uniform draw in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal draw by the Box–Muller transform: √(−2 log u₁) cos(2π u₂), u₁ ∈ (0, 1].
    public mutating func gaussian() -> Double {
        let u1 = 1 - uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
