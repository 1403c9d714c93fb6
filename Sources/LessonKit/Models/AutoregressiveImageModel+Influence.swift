extension AutoregressiveImageModel {
    /// Which input pixels influence the logit of output pixel `pixel` (raster index): `true` where
    /// ∂ℓ_pixel/∂x_j ≠ 0 at any of `trials` random inputs (real values in [0, 1), so that no ReLU or product
    /// hides a dependence by accident). For a correct model only pixels j < `pixel` can be `true`; pixels
    /// j < `pixel` that are `false` form the model's blind spot.
    public func influence(on pixel: Int, trials: Int = 3, seed: UInt64 = 1) -> [Bool] {
        var generator = SeededGenerator(seed: seed)
        var influenced = [Bool](repeating: false, count: pixelCount)
        var selector = Tensor(repeating: 0, shape: [1, pixelCount])
        selector.scalars[pixel] = 1
        for _ in 0..<trials {
            let image = Variable(Tensor(shape: [1, pixelCount], scalars: (0..<pixelCount).map { _ in generator.uniform() }),
                requiresGradient: true)
            (logits(image) * Variable(selector)).sum().backward()
            for (j, g) in (image.gradient?.scalars ?? []).enumerated() where abs(g) > 1e-12 { influenced[j] = true }
        }
        return influenced
    }

    /// The pixels before `pixel` in raster order that do not influence it: the blind spot (empty when none).
    public func blindSpot(of pixel: Int) -> [Int] {
        let influenced = influence(on: pixel)
        return (0..<pixel).filter { !influenced[$0] }
    }
}
