import Foundation
import LessonKit
import Testing

/// CAVI, mean-field VI, reparameterisation-gradient VI and EM against their defining properties: monotone
/// objectives, known fixed points (1/Λᵢᵢ, the exact posterior), gradients against finite differences of the
/// closed-form ELBO within five Monte Carlo standard errors. Fixed seeds.
@Suite struct VariationalTests {
    /// 900 points from three unit-variance clusters at −6, 0, 5 in 1-D, or at (−6, 0), (0, 4), (5, −2) in 2-D.
    static func mixtureData(dimension: Int, seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        let centres: [[Double]] = dimension == 1 ? [[-6], [0], [5]] : [[-6, 0], [0, 4], [5, -2]]
        return (0..<900).map { i in centres[i % 3].map { $0 + generator.gaussian() } }
    }

    @Test(arguments: [1, 2])
    func caviELBONeverDecreasesAndFindsTheClusters(dimension: Int) {
        let data = Self.mixtureData(dimension: dimension, seed: 51)
        let cavi = GaussianMixtureCAVI(data: data, components: 3, priorVariance: 100)
        var generator = SeededGenerator(seed: 52)
        let fit = cavi.fit(iterations: 60, using: &generator)
        for (before, after) in zip(fit.elboHistory, fit.elboHistory.dropFirst()) {
            #expect(after >= before - 1e-9 * abs(before), "ELBO fell from \(before) to \(after)")
        }
        // Each cluster mean of 300 unit-variance points is within 5/√300 ≈ 0.29 of its centre.
        let found = fit.means.sorted { $0[0] < $1[0] }
        let centres: [[Double]] = dimension == 1 ? [[-6], [0], [5]] : [[-6, 0], [0, 4], [5, -2]]
        for (m, centre) in zip(found, centres) {
            for j in 0..<dimension { #expect(abs(m[j] - centre[j]) < 0.3, "mean \(m) vs \(centre)") }
        }
        #expect(fit.variances.allSatisfy { abs($0 - 1 / (0.01 + 300)) < 1e-4 })
        #expect(fit.responsibilities.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
    }

    @Test func caviELBOIsTheExpectationItClaims() {
        // The ELBO at the fit, recomputed by Monte Carlo over q(μ)q(c) from the model's log-joint.
        let data = Self.mixtureData(dimension: 1, seed: 53).prefix(30).map { $0 }
        let cavi = GaussianMixtureCAVI(data: data, components: 3, priorVariance: 10)
        var generator = SeededGenerator(seed: 54)
        let fit = cavi.fit(iterations: 20, using: &generator)
        let qMeans = zip(fit.means, fit.variances).map { Normal(mean: $0[0], standardDeviation: $1.squareRoot()) }
        let qAssignments = fit.responsibilities.map { Categorical(probabilities: $0) }
        let prior = Normal(mean: 0, standardDeviation: 10.0.squareRoot())
        let terms = (0..<20_000).map { _ -> Double in
            let mu = qMeans.map { $0.sample(using: &generator) }
            var total = 0.0
            for k in 0..<3 { total += prior.logProb(mu[k]) - qMeans[k].logProb(mu[k]) }
            for (i, x) in data.enumerated() {
                let c = qAssignments[i].sample(using: &generator)
                total += -log(3.0) + Normal(mean: mu[c]).logProb(x[0]) - qAssignments[i].logProb(c)
            }
            return total
        }
        let estimate = MonteCarloEstimate(terms: terms)
        let exact = fit.elboHistory.last!
        #expect(abs(estimate.value - exact) < 5 * estimate.standardError, "MC \(estimate) vs closed form \(exact)")
    }

    @Test func meanFieldVariancesAreInversePrecisionDiagonal() {
        let meanField = MeanFieldGaussian(mean: [1, -1], covariance: [[1, 0.9], [0.9, 1]])
        let fit = meanField.fit(iterations: 200, initialMeans: [-3, 4])
        for v in fit.variances { #expect(abs(v - 0.19) < 1e-12) }
        #expect(abs(fit.means[0] - 1) < 1e-8 && abs(fit.means[1] + 1) < 1e-8, "means \(fit.means)")
        for (before, after) in zip(fit.klHistory, fit.klHistory.dropFirst()) { #expect(after <= before + 1e-12) }
        // At the optimum, KL(q‖p) = ½ (Σᵢ log Λᵢᵢ − log det Λ) = −½ log(1 − ρ²) for unit variances.
        #expect(abs(fit.klHistory.last! - (-0.5 * log(0.19))) < 1e-9)
        #expect(meanField.forwardKLFactors.allSatisfy { abs($0.variance - 1) < 1e-12 })
    }

    @Test func meanFieldCoordinateUpdateIsBishops() {
        // One update of m₁ from m₂ = 3: m₁ = μ₁ − Λ₁₁⁻¹Λ₁₂(m₂ − μ₂) = 1 + 0.9·(3 + 1).
        let meanField = MeanFieldGaussian(mean: [1, -1], covariance: [[1, 0.9], [0.9, 1]])
        let fit = meanField.fit(iterations: 1, initialMeans: [0, 3])
        #expect(abs(fit.meanHistory[1][0] - (1 + 0.9 * 4)) < 1e-12)
    }

    let model = ConjugateGaussianModel(priorMean: 0.5, priorStandardDeviation: 2, noiseStandardDeviation: 1.5,
                                       data: [1.2, 0.7, 2.9, -0.4, 1.6])

    @Test(arguments: [GaussianVI.GradientEstimator.reparameterization, .scoreFunction])
    func gradientMatchesFiniteDifferenceOfClosedFormELBO(estimator: GaussianVI.GradientEstimator) {
        let model = self.model
        let vi = GaussianVI(dimension: 1, initialMean: -0.3, initialLogStandardDeviation: log(0.8)) { model.logJoint($0) }
        var generator = SeededGenerator(seed: 61)
        let estimate = vi.estimate(samples: 40_000, estimator: estimator, using: &generator)
        let h = 1e-5
        func elbo(_ m: Double, _ omega: Double) -> Double { model.elbo(Normal(mean: m, standardDeviation: exp(omega))) }
        let (m, omega) = (-0.3, log(0.8))
        let exact = [(elbo(m + h, omega) - elbo(m - h, omega)) / (2 * h), (elbo(m, omega + h) - elbo(m, omega - h)) / (2 * h)]
        for c in 0..<2 {
            let error = 5 * estimate.gradientVariances[c].squareRoot()
            #expect(abs(estimate.gradient[c] - exact[c]) < error, "\(estimator) ∂[\(c)] \(estimate.gradient[c]) vs \(exact[c]) ± \(error)")
        }
        #expect(abs(estimate.elbo - model.elbo(vi.factors[0])) < 0.05)
    }

    @Test func reparameterisationHasLowerVarianceAndScalesAsOneOverS() {
        let model = self.model
        let vi = GaussianVI(dimension: 1, initialMean: -0.3, initialLogStandardDeviation: log(0.8)) { model.logJoint($0) }
        var generator = SeededGenerator(seed: 62)
        let reparameterisedOne = vi.gradientVariance(samples: 1, repetitions: 2_000, estimator: .reparameterization, using: &generator)
        let reparameterisedTen = vi.gradientVariance(samples: 10, repetitions: 2_000, estimator: .reparameterization, using: &generator)
        let scoreOne = vi.gradientVariance(samples: 1, repetitions: 2_000, estimator: .scoreFunction, using: &generator)
        #expect(scoreOne > 5 * reparameterisedOne, "score \(scoreOne) vs reparameterisation \(reparameterisedOne)")
        // Var(S = 10) = Var(S = 1)/10; a variance from 2,000 repetitions is within ±15% (5 × √(2/2000) ≈ 0.16 for
        // Gaussian gradients).
        #expect(abs(reparameterisedTen * 10 / reparameterisedOne - 1) < 0.25, "\(reparameterisedTen) vs \(reparameterisedOne) / 10")
    }

    @Test func reparameterisedVIConvergesToTheExactPosterior() {
        let model = self.model
        let vi = GaussianVI(dimension: 1) { model.logJoint($0) }
        var generator = SeededGenerator(seed: 63)
        let steps = vi.fit(steps: 3_000, samples: 10, learningRate: 0.02, using: &generator)
        let posterior = model.posterior
        let q = vi.factors[0]
        #expect(abs(q.mean - posterior.mean) < 0.05, "mean \(q.mean) vs \(posterior.mean)")
        #expect(abs(q.standardDeviation / posterior.standardDeviation - 1) < 0.1, "sd \(q.standardDeviation) vs \(posterior.standardDeviation)")
        // At the optimum the ELBO equals log p(x): the last estimates average within 0.02 nats of it.
        let late = steps.suffix(500).map(\.elbo).reduce(0, +) / 500
        #expect(abs(late - model.logEvidence) < 0.02, "ELBO \(late) vs log p(x) \(model.logEvidence)")
        #expect(steps.allSatisfy { $0.gradientVariance.isFinite })
    }

    @Test func emLogLikelihoodNeverDecreasesAndQBoundsIt() {
        var generator = SeededGenerator(seed: 71)
        let data = (0..<600).map { i -> Double in [-4.0, 0, 3][i % 3] + [0.7, 1, 0.5][i % 3] * generator.gaussian() }
        let em = GaussianMixtureEM(data: data, components: 3)
        let fit = em.fit(iterations: 80, initialMeans: [-1, 0, 1])
        for (before, after) in zip(fit.steps, fit.steps.dropFirst()) {
            #expect(after.logLikelihood >= before.logLikelihood - 1e-9 * abs(before.logLikelihood))
        }
        for step in fit.steps {
            #expect(abs(step.logLikelihood - (step.qBefore + step.entropy)) < 1e-8 * abs(step.logLikelihood))
            #expect(step.qAfter >= step.qBefore - 1e-9 * abs(step.qBefore))
        }
        let means = fit.means.sorted()
        for (m, truth) in zip(means, [-4.0, 0, 3]) { #expect(abs(m - truth) < 0.25, "means \(means)") }
        #expect(abs(fit.weights.reduce(0, +) - 1) < 1e-12)
    }
}
