import Foundation

/// Robbins–Monro adaptation of a step size toward a target acceptance rate, on the log scale:
///
///     log h ← log h + γₜ (αₜ − α*),   γₜ = (t + 1)^(−0.6),
///
/// where αₜ = min(1, acceptance ratio) at iteration t and α* the target. Too many acceptances lengthen the
/// step, too few shorten it. Used during warm-up only: afterwards the step is frozen at the weighted average
/// of the iterates, log h̄ ← t^(−0.75) log h + (1 − t^(−0.75)) log h̄ (as in Stan's dual averaging), which is
/// less noisy than the last iterate, so the chain is a valid (time-homogeneous) Markov chain.
public struct StepSizeAdaptation: Sendable {
    /// α*: 0.234 suits random-walk Metropolis in several dimensions, 0.65 suits HMC.
    public var targetAcceptance: Double
    /// The current log h.
    public private(set) var logStepSize: Double
    /// The averaged log h̄, the value to freeze after warm-up.
    public private(set) var averagedLogStepSize: Double
    private var iteration = 0

    /// Starts at `stepSize`, aiming for `targetAcceptance`.
    public init(stepSize: Double, targetAcceptance: Double) {
        precondition(stepSize > 0, "StepSizeAdaptation: the step size must be positive, not \(stepSize)")
        self.targetAcceptance = targetAcceptance
        self.logStepSize = log(stepSize)
        self.averagedLogStepSize = log(stepSize)
    }

    /// The current step size h.
    public var stepSize: Double { exp(logStepSize) }
    /// The step size to use after warm-up, exp(log h̄).
    public var adaptedStepSize: Double { exp(averagedLogStepSize) }

    /// One Robbins–Monro step from the acceptance probability αₜ of the last proposal.
    public mutating func update(acceptanceProbability: Double) {
        iteration += 1
        let gain = pow(Double(iteration + 1), -0.6)
        logStepSize += gain * (acceptanceProbability - targetAcceptance)
        let weight = pow(Double(iteration), -0.75)
        averagedLogStepSize = weight * logStepSize + (1 - weight) * averagedLogStepSize
    }
}
