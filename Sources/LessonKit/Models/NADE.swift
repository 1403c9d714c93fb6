/// NADE, the neural autoregressive distribution estimator (Larochelle & Murray 2011), for binary images:
///
///     hᵢ = σ(c + W₍:,<ᵢ₎ x₍<ᵢ₎),    p(xᵢ = 1 | x₍<ᵢ₎) = σ(bᵢ + Vᵢ · hᵢ),
///
/// with W [H, D] shared by every conditional: pixel i's hidden pre-activation is pixel i − 1's plus one column,
/// aᵢ = aᵢ₋₁ + W₍:,ᵢ₋₁₎ xᵢ₋₁ (a₁ = c). Keeping that running sum makes a forward pass O(DH) per image, where
/// computing each aᵢ from scratch would be O(D²H), and an FVSBN's masked product is O(D²). The backward pass
/// (the paper's Algorithm 1) runs the sum in reverse, also in O(DH). Parameters: W [H, D], c [H], V [D, H], b [D].
public final class NADE: AutoregressiveImageModel {
    /// Pixels per image (D = H·W for an image).
    public let pixelCount: Int
    /// Hidden units H.
    public let hiddenUnits: Int
    /// Input weights W [H, D], hidden biases c [H], output weights V [D, H], output biases b [D].
    public let inputWeights: Parameter, hiddenBiases: Parameter, outputWeights: Parameter, outputBiases: Parameter

    /// A NADE with `hiddenUnits` hidden units; weights start as N(0, 1/D) and N(0, 1/H), biases at 0.
    public init<G: RandomNumberGenerator>(pixelCount: Int, hiddenUnits: Int = 64, using generator: inout G) {
        (self.pixelCount, self.hiddenUnits) = (pixelCount, hiddenUnits)
        inputWeights = Parameter(Tensor(randomNormal: [hiddenUnits, pixelCount],
            standardDeviation: (1 / Double(pixelCount)).squareRoot(), using: &generator))
        hiddenBiases = Parameter(Tensor(repeating: 0, shape: [hiddenUnits]))
        outputWeights = Parameter(Tensor(randomNormal: [pixelCount, hiddenUnits],
            standardDeviation: (1 / Double(hiddenUnits)).squareRoot(), using: &generator))
        outputBiases = Parameter(Tensor(repeating: 0, shape: [pixelCount]))
    }

    /// Every trained parameter, in a fixed order (what an optimiser updates).
    public var parameters: [Parameter] { [inputWeights, hiddenBiases, outputWeights, outputBiases] }

    /// Yes: `logits` changes nothing but the graph it returns.
    public var trainsInShards: Bool { true }

    /// [n, D] → [n, D]: the logits ℓᵢ = bᵢ + Vᵢ · σ(aᵢ) of every conditional, by the running sum; one node of
    /// the graph, whose backward rule is the reverse sweep (gradients for the images too, for influence maps).
    public func logits(_ images: Variable) -> Variable {
        let (n, d, h) = (images.shape[0], pixelCount, hiddenUnits)
        precondition(images.shape == [n, d], "NADE.logits: images must be [n, \(d)], got \(images.shape)")
        let (w, c, v, b) = (inputWeights.variable(), hiddenBiases.variable(), outputWeights.variable(), outputBiases.variable())
        let x = images.value.scalars, wT = w.value.transposed.scalars  // wT[j * h + k] = W[k, j]: column j of W
        let (cs, vs, bs) = (c.value.scalars, v.value.scalars, b.value.scalars)
        // Forward, keeping every hᵢ for the backward sweep: hidden[(m * d + i) * h + k].
        var hidden = [Double](repeating: 0, count: n * d * h)
        var out = [Double](repeating: 0, count: n * d)
        var a = [Double](repeating: 0, count: h)
        var work = 0   // scalar operations done: counted as they happen, for the graph's cost statistics
        for m in 0..<n {
            for k in 0..<h { a[k] = cs[k] }
            for i in 0..<d {
                var logit = bs[i]
                for k in 0..<h {
                    let activation = Special.sigmoid(a[k])
                    hidden[(m * d + i) * h + k] = activation
                    logit += vs[i * h + k] * activation
                }
                out[m * d + i] = logit
                work += 2 * h   // h sigmoids and h multiply-adds
                let xi = x[m * d + i]
                if xi != 0 {
                    for k in 0..<h { a[k] += wT[i * h + k] * xi }
                    work += h   // the running sum: h multiply-adds
                }
            }
        }
        return Variable(Tensor(shape: [n, d], scalars: out), inputs: [images, w, c, v, b], work: work) { g in
            let gs = g.scalars
            var gx = [Double](repeating: 0, count: n * d), gwT = [Double](repeating: 0, count: d * h)
            var gc = [Double](repeating: 0, count: h), gv = [Double](repeating: 0, count: d * h)
            var gb = [Double](repeating: 0, count: d)
            var gradientA = [Double](repeating: 0, count: h)   // ∂L/∂aᵢ₊₁ summed over the later pixels that read it
            for m in 0..<n {
                for k in 0..<h { gradientA[k] = 0 }
                for i in stride(from: d - 1, through: 0, by: -1) {
                    // aᵢ₊₁ = aᵢ + W₍:,ᵢ₎ xᵢ: pixel i's value reaches every later conditional through this column.
                    let xi = x[m * d + i]
                    var gxi = 0.0
                    for k in 0..<h {
                        gwT[i * h + k] += gradientA[k] * xi
                        gxi += gradientA[k] * wT[i * h + k]
                    }
                    gx[m * d + i] = gxi
                    // ℓᵢ = bᵢ + Vᵢ · σ(aᵢ).
                    let gl = gs[m * d + i]
                    gb[i] += gl
                    for k in 0..<h {
                        let activation = hidden[(m * d + i) * h + k]
                        gv[i * h + k] += gl * activation
                        gradientA[k] += gl * vs[i * h + k] * activation * (1 - activation)
                    }
                }
                for k in 0..<h { gc[k] += gradientA[k] }
            }
            return [Tensor(shape: [n, d], scalars: gx), Tensor(shape: [d, h], scalars: gwT).transposed,
                    Tensor(shape: [h], scalars: gc), Tensor(shape: [d, h], scalars: gv), Tensor(shape: [d], scalars: gb)]
        }
    }
}
