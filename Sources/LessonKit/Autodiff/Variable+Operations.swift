import Foundation

// The primitive operations and their local backward rules. Everything else (subtraction, means, losses) is
// composed from these, so each rule is checked once against finite differences.

extension Variable {
    /// a + b (broadcasting); ∂/∂a = g summed to a's shape, likewise for b.
    public static func + (a: Variable, b: Variable) -> Variable {
        Variable(a.value + b.value, inputs: [a, b]) { g in [g.summed(toShape: a.shape), g.summed(toShape: b.shape)] }
    }

    /// a ⊙ b (broadcasting); ∂/∂a = g ⊙ b, ∂/∂b = g ⊙ a (each summed to its shape).
    public static func * (a: Variable, b: Variable) -> Variable {
        Variable(a.value * b.value, inputs: [a, b]) { g in
            [(g * b.value).summed(toShape: a.shape), (g * a.value).summed(toShape: b.shape)]
        }
    }

    /// −a.
    public static prefix func - (a: Variable) -> Variable {
        Variable(-a.value, inputs: [a]) { g in [-g] }
    }

    /// The matrix product A B ([m, k] · [k, n] → [m, n]); ∂/∂A = G Bᵀ, ∂/∂B = Aᵀ G.
    /// With `transposingOther`, the product A Bᵀ of [m, k] and [n, k]; ∂/∂A = G B, ∂/∂B = Gᵀ A.
    public func matmul(_ other: Variable, transposingOther: Bool = false) -> Variable {
        let product = value.matmul(other.value, transposingSelf: false, transposingOther: transposingOther)
        return Variable(product, inputs: [self, other], work: product.count * shape[1]) { g in
            if transposingOther {
                return [g.matmul(other.value), g.matmul(self.value, transposingSelf: true, transposingOther: false)]
            }
            return [g.matmul(other.value, transposingSelf: false, transposingOther: true),
                    self.value.matmul(g, transposingSelf: true, transposingOther: false)]
        }
    }

    /// eˣ elementwise; ∂ = g ⊙ eˣ. (The whole array at once: ``VectorMath``.)
    public func exp() -> Variable {
        let result = Tensor(shape: shape, scalars: VectorMath.exp(value.scalars))
        return Variable(result, inputs: [self]) { g in [g * result] }
    }

    /// log x elementwise; ∂ = g / x.
    public func log() -> Variable {
        let x = value
        return Variable(Self.elementwise(x, x) { x, _ in Foundation.log(x) }, inputs: [self]) { g in [g / x] }
    }

    /// tanh elementwise; ∂ = g ⊙ (1 − tanh²). (The whole array at once: ``VectorMath``.)
    public func tanh() -> Variable {
        let result = Tensor(shape: shape, scalars: VectorMath.tanh(value.scalars))
        return Variable(result, inputs: [self]) { g in [Self.elementwise(g, result) { g, t in g * (1 - t * t) }] }
    }

    /// σ(x) elementwise, stable; ∂ = g ⊙ σ(1 − σ).
    ///
    /// As ``Special/sigmoid(_:)``: 1/(1 + e^−x) for x ≥ 0, eˣ/(1 + eˣ) below, from one e^−|x| per element, with the
    /// `exp` over the whole array at once (``VectorMath``).
    public func sigmoid() -> Variable {
        let x = value.scalars
        var decays = VectorMath.exp(x.map { -Swift.abs($0) })
        for i in x.indices { decays[i] = x[i] >= 0 ? 1 / (1 + decays[i]) : decays[i] / (1 + decays[i]) }
        let result = Tensor(shape: shape, scalars: decays)
        return Variable(result, inputs: [self]) { g in [Self.elementwise(g, result) { g, s in g * (s * (1 - s)) }] }
    }

    /// log(1 + eˣ) elementwise, stable; ∂ = g ⊙ σ(x).
    ///
    /// Each element takes one `exp`: e^−|x| serves the value, max(x, 0) + log1p(e^−|x|), and is kept for σ(x) in the
    /// backward pass. The `exp` and `log1p` run over the whole array at once (``VectorMath``: within a few ulp of
    /// ``Special/softplus(_:)``, which computes one number with libm).
    public func softplus() -> Variable {
        let x = value.scalars
        let decays = VectorMath.exp(x.map { -Swift.abs($0) })
        var result = VectorMath.log1p(decays)
        for i in x.indices where x[i] > 0 { result[i] = x[i] + result[i] }
        return Variable(Tensor(shape: shape, scalars: result), inputs: [self]) { g in
            var sigmoid = [Double](repeating: 0, count: x.count)
            for i in x.indices { sigmoid[i] = x[i] >= 0 ? 1 / (1 + decays[i]) : decays[i] / (1 + decays[i]) }
            return [g * Tensor(shape: self.shape, scalars: sigmoid)]
        }
    }

    /// max(0, x) elementwise; ∂ = g where x > 0.
    public func relu() -> Variable {
        // Loops written here, not `map` and `broadcast` with closures: LessonKit's files are compiled one by one in
        // debug builds, so a closure passed to another file's function is called once per element.
        let x = value
        let output = Self.elementwise(x, x) { x, _ in max(0, x) }
        // The gradient in one pass, g · 1[x > 0] (the same products as multiplying by a mask of ones and zeros).
        return Variable(output, inputs: [self]) { g in [Self.elementwise(g, x) { g, x in g * (x > 0 ? 1 : 0) }] }
    }

    /// Sum of all elements; ∂ = g broadcast back.
    public func sum() -> Variable {
        Variable(value.sum(), inputs: [self]) { g in [Tensor(repeating: g.scalar, shape: self.shape)] }
    }

    /// log Σⱼ exp(xᵢⱼ) along the last axis of a matrix (shape [m, n] → [m, 1]); ∂ = g ⊙ softmax(x).
    public func logSumExp() -> Variable {
        precondition(shape.count == 2, "logSumExp works on matrices, not shape \(shape)")
        let (rows, columns) = (shape[0], shape[1])
        var result = [Double](repeating: 0, count: rows)
        for i in 0..<rows { result[i] = Special.logSumExp(Array(value.scalars[(i * columns)..<((i + 1) * columns)])) }
        let output = Tensor(shape: [rows, 1], scalars: result)
        return Variable(output, inputs: [self]) { g in
            var gradient = [Double](repeating: 0, count: rows * columns)
            for i in 0..<rows { for j in 0..<columns {
                gradient[i * columns + j] = g.scalars[i] * Foundation.exp(self.value.scalars[i * columns + j] - result[i])
            } }
            return [Tensor(shape: [rows, columns], scalars: gradient)]
        }
    }

    /// Swaps the last two axes: [..., m, n] → [..., n, m] (the transpose of each matrix in a batch);
    /// ∂ = g with its last two axes swapped back.
    public func transposedLastAxes() -> Variable {
        Variable(value.transposedLastAxes(), inputs: [self]) { g in [g.transposedLastAxes()] }
    }

    /// The same elements with another shape; ∂ = g reshaped back.
    public func reshaped(_ newShape: [Int]) -> Variable {
        Variable(value.reshaped(newShape), inputs: [self], onlyMovesValues: true) { g in [g.reshaped(self.shape)] }
    }
}

// Composed operations.
extension Variable {
    /// a − b = a + (−b).
    public static func - (a: Variable, b: Variable) -> Variable { a + (-b) }

    /// A constant as a variable (no gradient).
    public static func constant(_ value: Double) -> Variable { Variable(Tensor(value)) }

    /// Mean of all elements = sum · (1/n).
    public func mean() -> Variable { sum() * .constant(1 / Double(value.count)) }

    /// `combine(a[i], b[i])` for tensors of one shape, inlined into its callers in this file (a gradient and the
    /// value it depends on: the mask or derivative and the product in one pass).
    @inline(__always)
    private static func elementwise(_ a: Tensor, _ b: Tensor, _ combine: (Double, Double) -> Double) -> Tensor {
        let count = a.count
        let scalars = [Double](unsafeUninitializedCapacity: count) { result, initialized in
            a.scalars.withUnsafeBufferPointer { a in b.scalars.withUnsafeBufferPointer { b in
                for i in 0..<count { result[i] = combine(a[i], b[i]) }
            } }
            initialized = count
        }
        return Tensor(shape: a.shape, scalars: scalars)
    }
}
