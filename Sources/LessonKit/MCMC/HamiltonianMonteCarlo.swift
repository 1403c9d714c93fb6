import Foundation

/// Hamiltonian Monte Carlo (Neal 2011) with an identity mass matrix.
///
/// With potential U(x) = −log π̃(x) and momentum p ~ N(0, I), the Hamiltonian is H = U(x) + ½‖p‖². Each
/// iteration draws p, runs L leapfrog steps of size ε,
///
///     p ← p + (ε/2) ∇log π̃(x);   x ← x + ε p;   p ← p + (ε/2) ∇log π̃(x),
///
/// and accepts the end point with probability min(1, exp(H(x, p) − H(x′, p′))). During warm-up ε adapts
/// toward `targetAcceptance` (``StepSizeAdaptation``); afterwards it is frozen. Each iteration multiplies ε by
/// a uniform factor in [1 − jitter, 1 + jitter] (Neal 2011, §5.4.2.2): with a fixed trajectory length εL, a
/// Gaussian target's trajectories can come back near where they started and the chain barely moves.
///
/// ```swift
/// // log π̃ on the tape: the gradient comes from backward().
/// let hmc = HamiltonianMonteCarlo(stepSize: 0.2, leapfrogSteps: 10) { x in -(x * x).sum() * .constant(0.5) }
/// let samples = hmc.sample(from: [[1, 1], [-1, -1]], draws: 1_000, warmUp: 500, seed: 3)
/// ```
public struct HamiltonianMonteCarlo: MCMCSampler {
    /// x ↦ (log π̃(x), ∇log π̃(x)), both at x (length d).
    public let logDensityAndGradient: @Sendable ([Double]) -> (value: Double, gradient: [Double])
    /// The initial leapfrog step ε.
    public var stepSize: Double
    /// L, the number of leapfrog steps per iteration (trajectory length εL).
    public var leapfrogSteps: Int
    /// Target acceptance rate during warm-up (0.65 is the usual choice for HMC).
    public var targetAcceptance: Double
    /// Whether warm-up adapts ε.
    public var adaptsStepSize: Bool
    /// The relative random jitter of ε per iteration (0 turns it off).
    public var jitter: Double = 0.2
    /// False for a log-density on the tape: `backward()` writes to every variable of the graph, including
    /// any the closure captured, so chains on the tape run one after another.
    public var runsChainsInParallel = true

    /// HMC with an explicit gradient: `logDensityAndGradient(x)` returns log π̃(x) and ∇log π̃(x).
    public init(
        stepSize: Double = 0.1, leapfrogSteps: Int = 10, targetAcceptance: Double = 0.65, adaptsStepSize: Bool = true,
        logDensityAndGradient: @escaping @Sendable ([Double]) -> (value: Double, gradient: [Double])
    ) {
        precondition(leapfrogSteps >= 1, "HamiltonianMonteCarlo: at least one leapfrog step")
        self.logDensityAndGradient = logDensityAndGradient
        self.stepSize = stepSize
        self.leapfrogSteps = leapfrogSteps
        self.targetAcceptance = targetAcceptance
        self.adaptsStepSize = adaptsStepSize
    }

    /// HMC whose gradient comes from the tape: `logDensity` maps x (a `Variable` of shape [d]) to the scalar
    /// log π̃(x); ∇log π̃ is `x.gradient` after `backward()`.
    public init(
        stepSize: Double = 0.1, leapfrogSteps: Int = 10, targetAcceptance: Double = 0.65, adaptsStepSize: Bool = true,
        logDensity: @escaping @Sendable (Variable) -> Variable
    ) {
        self.init(stepSize: stepSize, leapfrogSteps: leapfrogSteps, targetAcceptance: targetAcceptance,
                  adaptsStepSize: adaptsStepSize) { point in
            let x = Variable(Tensor(point), requiresGradient: true)
            let value = logDensity(x)
            value.backward()
            return (value.value.scalar, x.gradient?.scalars ?? [Double](repeating: 0, count: point.count))
        }
        runsChainsInParallel = false
    }

    // Specialised for the lessons' generator: `sample` reaches `chain` through the protocol, unspecialised.
    /// Runs `warmUp` iterations (adapting the step size when asked), then keeps `draws` draws, starting at `initial`.
    @_specialize(where G == SeededGenerator)
    public func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain {
        var x = initial
        var current = logDensityAndGradient(x)
        var adaptation = StepSizeAdaptation(stepSize: stepSize, targetAcceptance: targetAcceptance)
        var kept: [Double] = []
        kept.reserveCapacity(draws * initial.count)
        var accepted = 0
        var frozen = stepSize
        for iteration in 0..<(warmUp + draws) {
            if iteration == warmUp && adaptsStepSize { frozen = adaptation.adaptedStepSize }
            let epsilon = (iteration < warmUp ? adaptation.stepSize : frozen) * (1 + jitter * (2 * generator.uniform() - 1))
            var p = x
            generator.fillGaussian(&p)
            let startEnergy = -current.value + 0.5 * p.reduce(0) { $0 + $1 * $1 }
            var y = x
            var end = current
            for _ in 0..<leapfrogSteps {
                for j in p.indices { p[j] += 0.5 * epsilon * end.gradient[j] }
                for j in y.indices { y[j] += epsilon * p[j] }
                end = logDensityAndGradient(y)
                for j in p.indices { p[j] += 0.5 * epsilon * end.gradient[j] }
            }
            let endEnergy = -end.value + 0.5 * p.reduce(0) { $0 + $1 * $1 }
            let logRatio = startEnergy - endEnergy
            let acceptance = logRatio.isNaN ? 0 : (logRatio >= 0 ? 1 : exp(logRatio))
            let accept = generator.uniform() < acceptance
            if accept {
                x = y
                current = end
            }
            if iteration < warmUp {
                if adaptsStepSize { adaptation.update(acceptanceProbability: acceptance) }
            } else {
                if accept { accepted += 1 }
                kept.append(contentsOf: x)
            }
        }
        let acceptanceRate = Double(accepted) / Double(max(draws, 1))
        return Chain(flatDraws: kept, dimension: initial.count, acceptanceRate: acceptanceRate, stepSize: frozen)
    }
}
