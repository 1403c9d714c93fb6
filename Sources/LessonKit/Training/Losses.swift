import Foundation

/// Mean binary cross-entropy from logits, −[y log σ(ℓ) + (1 − y) log(1 − σ(ℓ))] = softplus(ℓ) − yℓ, averaged
/// over all elements; stable for large |ℓ|. `targets` holds 0s and 1s, same shape as `logits`.
///
/// One node of the graph: each element takes one `exp` and one `log1p` (the `exp` kept for the backward pass, which needs
/// σ(ℓ) = 1/(1 + e^−|ℓ|) or e^−|ℓ|/(1 + e^−|ℓ|)), instead of five nodes and a second `exp` per element. The value
/// and both gradients are the same, bit for bit, as those of `(logits.softplus() - targets * logits).mean()`
/// (the same operations in the same order), which `BinaryCrossEntropyTests` checks.
public func binaryCrossEntropy(logits: Variable, targets: Variable) -> Variable {
    precondition(logits.shape == targets.shape,
        "binaryCrossEntropy: logits of shape \(logits.shape) and targets of shape \(targets.shape) differ")
    let x = logits.value.scalars, t = targets.value.scalars
    let count = x.count
    let scale = 1 / Double(count)
    // e^−|ℓ|: softplus(ℓ) = max(ℓ, 0) + log1p(e^−|ℓ|), as Variable.softplus computes it (with the same vector math).
    let decays = VectorMath.exp(x.map { -abs($0) })
    let logs = VectorMath.log1p(decays)
    var total = 0.0
    for i in 0..<count {
        let softplus = x[i] > 0 ? x[i] + logs[i] : logs[i]
        total += softplus + -(t[i] * x[i])
    }
    let value = Tensor(total) * Tensor(scale)
    // Targets are usually data: their gradient is then computed by nobody (`backward()` skips inputs that need none).
    let targetsNeedGradient = targets.requiresGradient
    return Variable(value, inputs: [logits, targets], work: 4 * count) { g in
        let outer = g.scalar * scale
        let logitGradient = [Double](unsafeUninitializedCapacity: count) { gradient, initialized in
            for i in 0..<count {
                let sigmoid = x[i] >= 0 ? 1 / (1 + decays[i]) : decays[i] / (1 + decays[i])
                gradient[i] = -outer * t[i] + outer * sigmoid
            }
            initialized = count
        }
        let targetGradient = targetsNeedGradient
            ? Tensor(shape: targets.shape, scalars: x.map { -outer * $0 })
            : Tensor(repeating: 0, shape: targets.shape)
        return [Tensor(shape: logits.shape, scalars: logitGradient), targetGradient]
    }
}

/// Mean categorical cross-entropy from logits of shape [batch, classes] and one-hot targets of the same shape:
/// mean over rows of logsumexp(ℓᵢ) − Σⱼ yᵢⱼ ℓᵢⱼ.
public func crossEntropy(logits: Variable, oneHotTargets: Variable) -> Variable {
    let rows = Double(logits.shape[0])
    return (logits.logSumExp().sum() - (oneHotTargets * logits).sum()) * .constant(1 / rows)
}

/// Mean squared error, mean((prediction − target)²).
public func meanSquaredError(_ prediction: Variable, _ target: Variable) -> Variable {
    let difference = prediction - target
    return (difference * difference).mean()
}
