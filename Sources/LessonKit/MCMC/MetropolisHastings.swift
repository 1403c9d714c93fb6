import Foundation

/// Random-walk Metropolis–Hastings on an unnormalised log-density log π̃(x), x ∈ ℝᵈ.
///
/// Propose x′ = x + h z with z ~ N(0, I); accept with probability min(1, π̃(x′)/π̃(x)) (the proposal is
/// symmetric, so its densities cancel). During warm-up the step h adapts toward `targetAcceptance` with
/// ``StepSizeAdaptation``; after warm-up h is fixed.
///
/// ```swift
/// let target = MultivariateNormal(mean: [0, 0], covariance: [[1, 0.9], [0.9, 1]])
/// let mh = MetropolisHastings(stepSize: 0.5) { target.logProb($0) }
/// let samples = mh.sample(from: [[0, 0], [2, 2]], draws: 5_000, warmUp: 1_000, seed: 1)
/// ```
public struct MetropolisHastings: MCMCSampler {
    /// log π̃(x), up to an additive constant; −∞ outside the support.
    public let logDensity: @Sendable ([Double]) -> Double
    /// The initial step size h (the adapted one is reported in ``Chain/stepSize``).
    public var stepSize: Double
    /// Target acceptance rate for warm-up adaptation (0.234, Roberts, Gelman & Gilks 1997).
    public var targetAcceptance: Double
    /// Whether warm-up adapts h; if false, h stays `stepSize` throughout.
    public var adaptsStepSize: Bool

    /// A sampler for `logDensity` with proposal step `stepSize`.
    public init(
        stepSize: Double = 1, targetAcceptance: Double = 0.234, adaptsStepSize: Bool = true,
        logDensity: @escaping @Sendable ([Double]) -> Double
    ) {
        self.logDensity = logDensity
        self.stepSize = stepSize
        self.targetAcceptance = targetAcceptance
        self.adaptsStepSize = adaptsStepSize
    }

    // Specialised for the lessons' generator: `sample` reaches `chain` through the protocol, unspecialised.
    /// Runs `warmUp` iterations (adapting the step size when asked), then keeps `draws` draws, starting at `initial`.
    @_specialize(where G == SeededGenerator)
    public func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain {
        var x = initial
        var logP = logDensity(x)
        var proposal = x
        var noise = x
        var adaptation = StepSizeAdaptation(stepSize: stepSize, targetAcceptance: targetAcceptance)
        var kept: [Double] = []
        kept.reserveCapacity(draws * initial.count)
        var accepted = 0
        var frozen = stepSize
        for iteration in 0..<(warmUp + draws) {
            if iteration == warmUp && adaptsStepSize { frozen = adaptation.adaptedStepSize }
            let h = iteration < warmUp ? adaptation.stepSize : frozen
            generator.fillGaussian(&noise)
            for j in x.indices { proposal[j] = x[j] + h * noise[j] }
            let logProposal = logDensity(proposal)
            let logRatio = logProposal - logP
            let acceptance = logRatio >= 0 ? 1 : exp(logRatio)
            let accept = generator.uniform() < acceptance
            if accept {
                swap(&x, &proposal)
                logP = logProposal
            }
            if iteration < warmUp {
                if adaptsStepSize { adaptation.update(acceptanceProbability: acceptance.isNaN ? 0 : acceptance) }
            } else {
                if accept { accepted += 1 }
                kept.append(contentsOf: x)
            }
        }
        let acceptanceRate = Double(accepted) / Double(max(draws, 1))
        return Chain(flatDraws: kept, dimension: initial.count, acceptanceRate: acceptanceRate, stepSize: frozen)
    }
}
