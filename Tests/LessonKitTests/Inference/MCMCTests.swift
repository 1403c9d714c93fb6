import Foundation
import LessonKit
import Testing

/// Samplers against known Gaussian targets, with tolerances from the chains' own effective sample sizes:
/// a mean is within 5 Monte Carlo standard errors √(σ²/ESS); a variance within 5 √(2σ⁴/ESS) (the standard
/// error of a Gaussian sample variance from ESS independent draws). Fixed seeds.
@Suite struct MCMCTests {
    /// A 2-D Gaussian with unit variances and correlation 0.9 around (1, −2).
    let target = MultivariateNormal(mean: [1, -2], covariance: [[1, 0.9], [0.9, 1]])
    let starts: [[Double]] = [[-3, -3], [3, 3], [-3, 3], [3, -3]]

    func expectRecovers(_ samples: MCMCSamples, mean: [Double], variance: [Double], _ name: String) {
        for j in mean.indices {
            let ess = samples.effectiveSampleSize(j)
            #expect(ess > 200, "\(name)[\(j)]: ESS \(ess) too small to test")
            let meanError = 5 * (variance[j] / ess).squareRoot()
            let varianceError = 5 * (2 * variance[j] * variance[j] / ess).squareRoot()
            #expect(abs(samples.mean(j) - mean[j]) < meanError, "\(name)[\(j)] mean \(samples.mean(j)) vs \(mean[j]) ± \(meanError)")
            #expect(abs(samples.variance(j) - variance[j]) < varianceError,
                    "\(name)[\(j)] variance \(samples.variance(j)) vs \(variance[j]) ± \(varianceError)")
            #expect(samples.splitRHat(j) < 1.01, "\(name)[\(j)] R-hat \(samples.splitRHat(j))")
        }
    }

    @Test func metropolisHastingsRecoversGaussianAndAdaptsToTarget() {
        let target = self.target
        let mh = MetropolisHastings(stepSize: 5) { target.logProb($0) }
        let samples = mh.sample(from: starts, draws: 20_000, warmUp: 2_000, seed: 11)
        expectRecovers(samples, mean: [1, -2], variance: [1, 1], "MH")
        for chain in samples.chains {
            // Adaptation reaches the target acceptance; 0.234 ± 0.05 after 2,000 warm-up iterations.
            #expect(abs(chain.acceptanceRate - 0.234) < 0.05, "acceptance \(chain.acceptanceRate)")
            #expect(chain.stepSize < 2, "step size \(chain.stepSize) did not shrink from 5")
        }
    }

    @Test func metropolisHastingsWithoutAdaptationKeepsItsStep() {
        let mh = MetropolisHastings(stepSize: 0.3, adaptsStepSize: false) { x in -0.5 * x[0] * x[0] }
        var generator = SeededGenerator(seed: 5)
        let chain = mh.chain(from: [0], draws: 100, warmUp: 100, using: &generator)
        #expect(chain.stepSize == 0.3)
        #expect(chain.count == 100)
    }

    @Test func chainsAreReproducibleAndIndependentOfEachOther() {
        let mh = MetropolisHastings { x in -0.5 * x[0] * x[0] }
        let two = mh.sample(from: [[0], [1]], draws: 50, warmUp: 10, seed: 3)
        let three = mh.sample(from: [[0], [1], [2]], draws: 50, warmUp: 10, seed: 3)
        #expect(two.chains[1].draws == three.chains[1].draws)
        #expect(two.chains[0].draws != two.chains[1].draws)
    }

    @Test func gibbsRecoversBivariateNormal() {
        let gibbs = BivariateNormalGibbs(mean: (1, -2), standardDeviation: (1, 2), correlation: 0.9)
        let samples = gibbs.sample(from: starts, draws: 10_000, warmUp: 200, seed: 12)
        expectRecovers(samples, mean: [1, -2], variance: [1, 4], "Gibbs")
        // Lag-1 autocorrelation of x₁ under systematic-scan Gibbs is ρ² = 0.81.
        let rho1 = MCMCDiagnostics.autocorrelation(samples.chains[0].values(0), lag: 1)
        #expect(abs(rho1 - 0.81) < 0.03, "lag-1 autocorrelation \(rho1)")
    }

    @Test func gibbsForGaussianMixtureFindsTheComponentMeans() {
        var generator = SeededGenerator(seed: 21)
        let truth = [-4.0, 0.0, 5.0]
        let data = (0..<300).map { i in [truth[i % 3] + generator.gaussian()] }
        let gibbs = GaussianMixtureGibbs(data: data, components: 3, priorVariance: 100)
        let samples = gibbs.sample(from: [[-1, 0, 1], [-2, 0.5, 2]], draws: 500, warmUp: 100, seed: 22)
        // Posterior sd of each mean is about 1/√100 = 0.1; the sample means of each cluster are within 0.35 of
        // the truth (5 σ/√100), so the posterior means are within 0.5.
        for k in 0..<3 {
            #expect(abs(samples.mean(k) - truth[k]) < 0.5, "component \(k): \(samples.mean(k))")
            #expect(abs(samples.variance(k).squareRoot() - 0.1) < 0.03, "component \(k) sd \(samples.variance(k).squareRoot())")
        }
    }

    @Test func hmcOnTheTapeRecoversGaussian() {
        // log π̃(x) = −½ (x − μ)ᵀ Λ (x − μ) with Λ = Σ⁻¹ for Σ = [[1, .9], [.9, 1]].
        let precision = Tensor([[1 / 0.19, -0.9 / 0.19], [-0.9 / 0.19, 1 / 0.19]])
        let hmc = HamiltonianMonteCarlo(stepSize: 0.5, leapfrogSteps: 10) { x in
            let centred = (x - Variable(Tensor([1, -2]))).reshaped([1, 2])
            return -(centred.matmul(Variable(precision)) * centred).sum() * .constant(0.5)
        }
        let samples = hmc.sample(from: starts, draws: 2_000, warmUp: 1_500, seed: 13)
        expectRecovers(samples, mean: [1, -2], variance: [1, 1], "HMC")
        for chain in samples.chains { #expect(abs(chain.acceptanceRate - 0.65) < 0.1, "acceptance \(chain.acceptanceRate), step \(chain.stepSize)") }
    }

    @Test func hmcWithExplicitGradientMatchesTheTape() {
        let hmc = HamiltonianMonteCarlo(stepSize: 0.3, leapfrogSteps: 8) { (x: [Double]) -> (value: Double, gradient: [Double]) in
            let value: Double = -0.5 * (x[0] * x[0] / 4 + x[1] * x[1])
            return (value, [-x[0] / 4, -x[1]])
        }
        let samples = hmc.sample(from: [[3, 3], [-3, -3]], draws: 3_000, warmUp: 500, seed: 14)
        expectRecovers(samples, mean: [0, 0], variance: [4, 1], "HMC explicit")
    }

    @Test func essOfIndependentDrawsIsAboutN() {
        var generator = SeededGenerator(seed: 31)
        let n = 20_000
        let draws = (0..<n).map { _ in generator.gaussian() }
        let ess = MCMCDiagnostics.effectiveSampleSize(draws)
        // τ̂ for white noise is 1 + O(1/√n) noise from the truncated sums: ±10% is several standard errors.
        #expect(abs(ess / Double(n) - 1) < 0.1, "ESS \(ess) of \(n) independent draws")
    }

    @Test func autocorrelationOfAR1IsRhoToTheK() {
        var generator = SeededGenerator(seed: 32)
        let rho = 0.8
        let n = 100_000
        var x = 0.0
        let series = (0..<n).map { _ in
            x = rho * x + (1 - rho * rho).squareRoot() * generator.gaussian()
            return x
        }
        // Standard error of ρ̂ₖ is about √((1 + ρ²)/(1 − ρ²)/n) ≈ 0.007 at lag 1 and grows slowly with k.
        for (k, estimate) in MCMCDiagnostics.autocorrelations(series, maxLag: 6).enumerated() {
            #expect(abs(estimate - pow(rho, Double(k))) < 0.04, "lag \(k): \(estimate) vs \(pow(rho, Double(k)))")
        }
        // τ = (1 + ρ)/(1 − ρ) = 9, so ESS ≈ n/9.
        let ess = MCMCDiagnostics.effectiveSampleSize(series)
        #expect(abs(ess / (Double(n) / 9) - 1) < 0.15, "AR(1) ESS \(ess) vs \(Double(n) / 9)")
    }

    @Test func splitRHatSeparatesMixedFromUnmixedChains() {
        let target = self.target
        let mh = MetropolisHastings(stepSize: 0.05, adaptsStepSize: false) { target.logProb($0) }
        // Small steps, few draws, starts far apart: the chains have not met.
        let brief = mh.sample(from: [[-10, -10], [10, 10], [-10, 10], [10, -10]], draws: 200, warmUp: 0, seed: 15)
        #expect(brief.splitRHat(0) > 1.1, "brief chains R-hat \(brief.splitRHat(0))")
        // Independent draws from one distribution: R̂ within a few 1/N of 1.
        var generator = SeededGenerator(seed: 16)
        let mixed = (0..<4).map { _ in (0..<5_000).map { _ in generator.gaussian() } }
        #expect(abs(MCMCDiagnostics.splitRHat(mixed) - 1) < 0.005)
    }

    @Test func summaryTableHasOneRowPerParameter() {
        let mh = MetropolisHastings { x in -0.5 * (x[0] * x[0] + x[1] * x[1]) }
        let samples = mh.sample(from: [[0, 0], [1, 1]], draws: 200, warmUp: 100, seed: 1, names: ["a", "b"])
        let table = samples.summary
        #expect(table.rows.count == 2 && table.rows[1][0] == "b")
        #expect(samples.tracePlot(0).chains.count == 2)
    }

    @Test func zigguratDrawsStandardNormals() {
        var generator = SeededGenerator(seed: 17)
        var buffer = [Double](repeating: 0, count: 7)   // odd length: the last pair is cut
        var draws: [Double] = []
        for _ in 0..<30_000 {
            generator.fillGaussian(&buffer)
            draws += buffer
        }
        let n = Double(draws.count)
        let mean = draws.reduce(0, +) / n
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let fourth = draws.reduce(0) { $0 + pow($1 - mean, 4) } / n
        // Standard errors 1/√n, √(2/n) and √(96/n) for the mean, variance and fourth moment of N(0, 1).
        #expect(abs(mean) < 5 / n.squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / n).squareRoot())
        #expect(abs(fourth - 3) < 5 * (96 / n).squareRoot())
        // The CDF at points inside layers, at layer edges and in the tail beyond R ≈ 3.44: each proportion
        // within 5 binomial standard errors √(p(1 − p)/n).
        for (t, p) in [(-3.6, 1.591e-4), (-2.0, 0.02275), (-0.5, 0.30854), (0.0, 0.5), (1.0, 0.84134), (3.0, 0.99865)] {
            let proportion = Double(draws.filter { $0 < t }.count) / n
            #expect(abs(proportion - p) < 5 * (p * (1 - p) / n).squareRoot() + 1e-5, "P(z < \(t)) = \(proportion) vs \(p)")
        }
    }
}
