import Foundation

/// Standard normal draws by the ziggurat method (Marsaglia & Tsang 2000, in Doornik's 2005 form): the
/// density is covered by 128 horizontal layers of equal area; a draw picks a layer and a point in it, and in
/// about 99% of cases the point lies inside the density and is returned after one multiplication. Only the
/// layer edges need an exp, and the bottom layer's tail (|z| > R ≈ 3.44) Marsaglia's exponential method.
enum Ziggurat {
    /// R, where the tail starts.
    static let tailStart = 3.442619855899
    /// V, the area of each layer.
    static let layerArea = 9.91256303526217e-3

    /// Layer edges x₀ > x₁ = R > … > x₁₂₇ > x₁₂₈ = 0 (x₀ = V / f(R) widens the base to include the tail).
    static let edges: [Double] = {
        var x = [Double](repeating: 0, count: 129)
        var f = exp(-0.5 * tailStart * tailStart)
        x[0] = layerArea / f
        x[1] = tailStart
        for i in 2..<128 {
            x[i] = (-2 * log(layerArea / x[i - 1] + f)).squareRoot()
            f = exp(-0.5 * x[i] * x[i])
        }
        return x
    }()

    /// xᵢ₊₁ / xᵢ: a point u·xᵢ with |u| below this lies under the density for sure.
    static let ratios: [Double] = (0..<128).map { edges[$0 + 1] / edges[$0] }

    /// One N(0, 1) draw.
    @inline(__always)
    @_specialize(where G == SeededGenerator)
    static func draw<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        while true {
            let bits = generator.next()
            let layer = Int(bits & 0x7F)
            let u = 2 * (Double(bits >> 11) * 0x1.0p-53) - 1
            if abs(u) < ratios[layer] { return u * edges[layer] }
            if layer == 0 { return tail(negative: u < 0, using: &generator) }
            let x = u * edges[layer]
            let lower = exp(-0.5 * (edges[layer] * edges[layer] - x * x))
            let upper = exp(-0.5 * (edges[layer + 1] * edges[layer + 1] - x * x))
            if upper + generator.uniform() * (lower - upper) < 1 { return x }
        }
    }

    /// A draw from the tail beyond R: x = −log(U₁)/R, y = −log(U₂), accepted when 2y > x².
    @_specialize(where G == SeededGenerator)
    static func tail<G: RandomNumberGenerator>(negative: Bool, using generator: inout G) -> Double {
        while true {
            let x = log(1 - generator.uniform()) / tailStart
            let y = log(1 - generator.uniform())
            if -2 * y >= x * x { return negative ? x - tailStart : tailStart - x }
        }
    }
}
