import Foundation
import LessonKit
import Testing

/// The evidence identity log p(x) = ELBO(q) + KL(q ‖ p(z|x)) on the conjugate Gaussian model, checked against
/// an independent evidence (the marginal of x is N(μ₀1, σ²I + σ₀²11ᵀ)); Monte Carlo quantities within five
/// of their own standard errors. Fixed seeds.
@Suite struct ELBOTests {
    let model = ConjugateGaussianModel(priorMean: 0.5, priorStandardDeviation: 2, noiseStandardDeviation: 1.5,
                                       data: [1.2, 0.7, 2.9, -0.4, 1.6])

    @Test func evidenceMatchesTheMarginalOfX() {
        let n = model.data.count
        let covariance = (0..<n).map { i in (0..<n).map { j in (i == j ? 2.25 : 0) + 4.0 } }
        let marginal = MultivariateNormal(mean: [Double](repeating: 0.5, count: n), covariance: covariance)
        #expect(abs(model.logEvidence - marginal.logProb(model.data)) < 1e-10)
    }

    @Test(arguments: [(0.0, 1.0), (1.1, 0.6), (-3.0, 0.1), (1.17, 0.59)])
    func evidenceIsELBOPlusKLInClosedForm(mean: Double, standardDeviation: Double) {
        let q = Normal(mean: mean, standardDeviation: standardDeviation)
        let gap = model.logEvidence - model.elbo(q)
        #expect(abs(gap - KL.closedForm(q, model.posterior)) < 1e-10, "gap \(gap)")
        #expect(gap >= 0)
    }

    @Test func elboIsTightAtThePosterior() {
        #expect(abs(model.logEvidence - model.elbo(model.posterior)) < 1e-10)
    }

    @Test func monteCarloELBOMatchesClosedForm() {
        var generator = SeededGenerator(seed: 41)
        let q = Normal(mean: 1.1, standardDeviation: 0.6)
        let estimate = ELBO.monteCarlo(q: q, samples: 20_000, using: &generator) { model.logJoint($0) }
        #expect(abs(estimate.value - model.elbo(q)) < 5 * estimate.standardError, "\(estimate) vs \(model.elbo(q))")
        let gap = model.logEvidence - estimate.value
        #expect(abs(gap - KL.closedForm(q, model.posterior)) < 5 * estimate.standardError)
    }

    @Test func tapeLogJointMatchesDoubleLogJoint() {
        for z in [-1.0, 0.3, 2.5] {
            let onTape = model.logJoint(Variable(Tensor([z]))).value.scalar
            #expect(abs(onTape - model.logJoint(z)) < 1e-12)
        }
    }

    @Test func importanceWeightedBoundIncreasesWithKTowardTheEvidence() {
        var generator = SeededGenerator(seed: 42)
        let q = Normal(mean: 0, standardDeviation: 1.5)   // a poor q: the ELBO gap is large
        let ks = [1, 5, 50, 500]
        let bounds = ks.map { k in
            ELBO.importanceWeightedBound(q: q, samples: k, repetitions: 400, using: &generator) { model.logJoint($0) }
        }
        // K = 1 is the ELBO.
        #expect(abs(bounds[0].value - model.elbo(q)) < 5 * bounds[0].standardError)
        for (smaller, larger) in zip(bounds, bounds.dropFirst()) {
            #expect(larger.value > smaller.value, "\(larger) should exceed \(smaller)")
        }
        // Never above log p(x) (beyond noise), and with K = 500 within 0.05 nats of it.
        for bound in bounds { #expect(bound.value < model.logEvidence + 5 * bound.standardError) }
        #expect(model.logEvidence - bounds[3].value < 0.05, "IWAE(500) \(bounds[3]) vs log p(x) \(model.logEvidence)")
    }

    @Test func klMonteCarloAndClosedFormAgreeInBothDirections() {
        var generator = SeededGenerator(seed: 43)
        let q = Normal(mean: 0, standardDeviation: 1), p = Normal(mean: 1, standardDeviation: 2)
        let reverse = KL.monteCarlo(q, p, samples: 50_000, using: &generator)
        let forward = KL.monteCarlo(p, q, samples: 50_000, using: &generator)
        #expect(abs(reverse.value - KL.closedForm(q, p)) < 5 * reverse.standardError)
        #expect(abs(forward.value - KL.closedForm(p, q)) < 5 * forward.standardError)
        // Closed forms by hand: KL(q‖p) = log 2 + 2/8 − ½, KL(p‖q) = −log 2 + 5/2 − ½.
        #expect(abs(KL.closedForm(q, p) - (log(2) + 0.25 - 0.5)) < 1e-14)
        #expect(abs(KL.closedForm(p, q) - (-log(2) + 2.5 - 0.5)) < 1e-14)
        #expect(abs(KL.closedForm([q, p], [p, q]) - KL.closedForm(q, p) - KL.closedForm(p, q)) < 1e-14)
    }
}
