import Foundation

/// Mean binary cross-entropy from logits, −[y log σ(ℓ) + (1 − y) log(1 − σ(ℓ))] = softplus(ℓ) − yℓ, averaged
/// over all elements; stable for large |ℓ|. `targets` holds 0s and 1s, same shape as `logits`.
///
/// One node of the graph: each element takes one `exp` and one `log1p` (kept for the backward pass, which needs
/// σ(ℓ) = 1/(1 + e^−|ℓ|) or e^−|ℓ|/(1 + e^−|ℓ|)), instead of five nodes and a second `exp` per element. The value
/// and both gradients are the same, bit for bit, as those of `(logits.softplus() - targets * logits).mean()`
/// (the same operations in the same order), which `BinaryCrossEntropyTests` checks.
public func binaryCrossEntropy(logits: Variable, targets: Variable) -> Variable {
    precondition(logits.shape == targets.shape,
        "binaryCrossEntropy: logits of shape \(logits.shape) and targets of shape \(targets.shape) differ")
    let x = logits.value.scalars, t = targets.value.scalars
    let count = x.count
    let scale = 1 / Double(count)
    var decays = [Double](repeating: 0, count: count)
    var total = 0.0
    for i in 0..<count {
        // e^−|ℓ|: softplus(ℓ) = max(ℓ, 0) + log1p(e^−|ℓ|), as Special.softplus computes it.
        let decay = exp(-abs(x[i]))
        decays[i] = decay
        let softplus = x[i] > 0 ? x[i] + log1p(decay) : log1p(decay)
        total += softplus + -(t[i] * x[i])
    }
    let value = Tensor(total) * Tensor(scale)
    return Variable(value, inputs: [logits, targets], work: 4 * count) { g in
        let outer = g.scalar * scale
        var logitGradient = [Double](repeating: 0, count: count)
        var targetGradient = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let sigmoid = x[i] >= 0 ? 1 / (1 + decays[i]) : decays[i] / (1 + decays[i])
            logitGradient[i] = -outer * t[i] + outer * sigmoid
            targetGradient[i] = -outer * x[i]
        }
        return [Tensor(shape: logits.shape, scalars: logitGradient), Tensor(shape: targets.shape, scalars: targetGradient)]
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
