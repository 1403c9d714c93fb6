/// Mean binary cross-entropy from logits, −[y log σ(ℓ) + (1 − y) log(1 − σ(ℓ))] = softplus(ℓ) − yℓ, averaged
/// over all elements; stable for large |ℓ|. `targets` holds 0s and 1s, same shape as `logits`.
public func binaryCrossEntropy(logits: Variable, targets: Variable) -> Variable {
    (logits.softplus() - targets * logits).mean()
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
