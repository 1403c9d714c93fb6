import Foundation
import LessonKit
import Testing

/// Log-densities against closed forms written independently here, sample moments against `mean`/`variance`
/// (fixed seed; tolerance five Monte Carlo standard errors), and entropies against Monte Carlo −E[log p].
@Suite struct DistributionTests {
    let n = 200_000

    func moments(_ draws: [Double]) -> (mean: Double, variance: Double) {
        let mean = draws.reduce(0, +) / Double(draws.count)
        return (mean, draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1))
    }

    /// Checks sample mean and variance within five standard errors (fourth moment estimated from the draws).
    func expectMoments(_ draws: [Double], mean: Double, variance: Double, _ name: String) {
        let (m, v) = moments(draws)
        let fourth = draws.reduce(0) { $0 + pow($1 - m, 4) } / Double(draws.count)
        #expect(abs(m - mean) < 5 * (variance / Double(draws.count)).squareRoot(), "\(name) mean \(m) vs \(mean)")
        #expect(abs(v - variance) < 5 * ((fourth - v * v) / Double(draws.count)).squareRoot() + 1e-12, "\(name) variance \(v) vs \(variance)")
    }

    @Test func normal() {
        let d = Normal(mean: 1.5, standardDeviation: 2)
        #expect(abs(d.logProb(0.5) - log(exp(-0.125) / (2 * (2 * Double.pi).squareRoot()))) < 1e-12)
        var g = SeededGenerator(seed: 1)
        expectMoments(d.samples(n, using: &g), mean: 1.5, variance: 4, "normal")
    }

    @Test func bernoulliAndCategorical() {
        #expect(abs(Bernoulli(logit: 0).probability - 0.5) < 1e-15)
        #expect(abs(Bernoulli(probability: 0.3).logProb(1) - log(0.3)) < 1e-15)
        var g = SeededGenerator(seed: 2)
        expectMoments(Bernoulli(probability: 0.3).samples(n, using: &g).map(Double.init), mean: 0.3, variance: 0.21, "bernoulli")
        let c = Categorical(logits: [0, log(2), log(3)])
        #expect(c.probabilities.enumerated().allSatisfy { abs($0.element - Double($0.offset + 1) / 6) < 1e-12 })
        expectMoments(c.samples(n, using: &g).map(Double.init), mean: c.mean, variance: c.variance, "categorical")
    }

    @Test func uniformGammaBeta() {
        var g = SeededGenerator(seed: 3)
        let u = Uniform(-1, 3)
        expectMoments(u.samples(n, using: &g), mean: 1, variance: 16.0 / 12, "uniform")
        for (shape, rate) in [(0.5, 1.0), (2.0, 3.0), (9.0, 0.5)] {
            let d = Gamma(shape: shape, rate: rate)
            let x = 1.7
            let expected = pow(rate, shape) * pow(x, shape - 1) * exp(-rate * x) / tgamma(shape)
            #expect(abs(d.logProb(x) - log(expected)) < 1e-10)
            expectMoments(d.samples(n, using: &g), mean: shape / rate, variance: shape / (rate * rate), "gamma(\(shape))")
        }
        let b = Beta(alpha: 2, beta: 5)
        #expect(abs(b.logProb(0.25) - log(30 * 0.25 * pow(0.75, 4))) < 1e-10, "Beta(2,5) density is 30 x (1-x)^4")
        expectMoments(b.samples(n, using: &g), mean: 2.0 / 7, variance: 10.0 / (49 * 8), "beta")
    }

    @Test func dirichletAndStudentT() {
        var g = SeededGenerator(seed: 4)
        let d = Dirichlet(concentration: [2, 3, 5])
        let draws = d.samples(n, using: &g)
        for k in 0..<3 { expectMoments(draws.map { $0[k] }, mean: d.mean[k], variance: d.variance[k], "dirichlet[\(k)]") }
        // Dirichlet(1, 1, 1) is uniform on the simplex: density Γ(3) = 2 everywhere.
        #expect(abs(Dirichlet(concentration: [1, 1, 1]).logProb([0.2, 0.3, 0.5]) - log(2)) < 1e-12)
        let t = StudentT(degreesOfFreedom: 5, location: 1, scale: 2)
        expectMoments(t.samples(n, using: &g), mean: 1, variance: 4 * 5.0 / 3, "student-t")
        // ν = 1 is the Cauchy distribution: p(x) = 1 / (π s (1 + z²)).
        let cauchy = StudentT(degreesOfFreedom: 1, location: 0, scale: 2)
        #expect(abs(cauchy.logProb(3) - log(1 / (Double.pi * 2 * (1 + 2.25)))) < 1e-12)
    }

    @Test func multivariateNormalAndMixture() {
        var g = SeededGenerator(seed: 5)
        let d = MultivariateNormal(mean: [1, -1], covariance: [[1, 0.9], [0.9, 1]])
        let draws = d.samples(n, using: &g)
        expectMoments(draws.map { $0[0] }, mean: 1, variance: 1, "mvn[0]")
        let covariance = zip(draws.map { $0[0] - 1 }, draws.map { $0[1] + 1 }).reduce(0) { $0 + $1.0 * $1.1 } / Double(n)
        #expect(abs(covariance - 0.9) < 0.01)
        // Closed form for 2-D with unit variances and correlation ρ at x = μ: 1 / (2π √(1 − ρ²)).
        #expect(abs(d.logProb([1, -1]) - log(1 / (2 * Double.pi * (1 - 0.81).squareRoot()))) < 1e-12)
        let mixture = Mixture(weights: [0.3, 0.7], components: [Normal(mean: -2, standardDeviation: 1), Normal(mean: 3, standardDeviation: 0.5)])
        expectMoments(mixture.samples(n, using: &g), mean: mixture.mean, variance: mixture.variance, "mixture")
        let x = 0.4
        let expected = 0.3 * exp(Normal(mean: -2, standardDeviation: 1).logProb(x)) + 0.7 * exp(Normal(mean: 3, standardDeviation: 0.5).logProb(x))
        #expect(abs(mixture.logProb(x) - log(expected)) < 1e-12)
    }

    @Test func entropiesMatchMonteCarlo() {
        var g = SeededGenerator(seed: 6)
        func monteCarlo<D: Distribution>(_ d: D) -> (Double, Double) {
            let values = d.samples(n, using: &g).map { -d.logProb($0) }
            let (m, v) = moments(values)
            return (m, 5 * (v / Double(n)).squareRoot())
        }
        let cases: [(String, Double, (Double, Double))] = [
            ("normal", Normal(mean: 0, standardDeviation: 3).entropy, monteCarlo(Normal(mean: 0, standardDeviation: 3))),
            ("gamma", Gamma(shape: 2.5, rate: 1.5).entropy, monteCarlo(Gamma(shape: 2.5, rate: 1.5))),
            ("beta", Beta(alpha: 2, beta: 3).entropy, monteCarlo(Beta(alpha: 2, beta: 3))),
            ("student-t", StudentT(degreesOfFreedom: 4).entropy, monteCarlo(StudentT(degreesOfFreedom: 4))),
            ("dirichlet", Dirichlet(concentration: [2, 3, 4]).entropy, monteCarlo(Dirichlet(concentration: [2, 3, 4]))),
            ("mvn", MultivariateNormal(mean: [0, 0], covariance: [[2, 0.5], [0.5, 1]]).entropy,
                monteCarlo(MultivariateNormal(mean: [0, 0], covariance: [[2, 0.5], [0.5, 1]]))),
        ]
        for (name, exact, (estimate, error)) in cases {
            #expect(abs(exact - estimate) < error, "\(name): entropy \(exact), Monte Carlo \(estimate) ± \(error)")
        }
    }

    @Test func klDivergencesMatchMonteCarlo() {
        var g = SeededGenerator(seed: 7)
        func monteCarlo<D: Distribution>(_ p: D, _ q: D) -> (Double, Double) {
            let values = p.samples(n, using: &g).map { p.logProb($0) - q.logProb($0) }
            let (m, v) = moments(values)
            return (m, 5 * (v / Double(n)).squareRoot())
        }
        let p1 = Normal(mean: 0.5, standardDeviation: 1.2), q1 = Normal(mean: -1, standardDeviation: 2)
        let p2 = MultivariateNormal(mean: [0, 1], covariance: [[1, 0.3], [0.3, 2]])
        let q2 = MultivariateNormal(mean: [1, 0], covariance: [[2, -0.4], [-0.4, 1]])
        let p3 = Bernoulli(probability: 0.2), q3 = Bernoulli(probability: 0.6)
        let p4 = Categorical(probabilities: [0.1, 0.6, 0.3]), q4 = Categorical(probabilities: [0.4, 0.4, 0.2])
        let cases: [(String, Double, (Double, Double))] = [
            ("normal", p1.kl(to: q1), monteCarlo(p1, q1)), ("mvn", p2.kl(to: q2), monteCarlo(p2, q2)),
            ("bernoulli", p3.kl(to: q3), monteCarlo(p3, q3)), ("categorical", p4.kl(to: q4), monteCarlo(p4, q4)),
        ]
        for (name, exact, (estimate, error)) in cases {
            #expect(abs(exact - estimate) < error, "\(name): KL \(exact), Monte Carlo \(estimate) ± \(error)")
        }
        #expect(p1.kl(to: p1) == 0)
    }

    @Test func specialFunctions() {
        #expect(abs(Special.logSumExp([1000, 1000]) - (1000 + log(2))) < 1e-12)
        #expect(Special.logSumExp([]) == -.infinity)
        #expect(abs(Special.softplus(800) - 800) < 1e-12 && Special.softplus(-800) >= 0)
        #expect(abs(Special.logSigmoid(-800) + 800) < 1e-9)
        // ψ(1) = −γ and ψ(x + 1) = ψ(x) + 1/x.
        #expect(abs(Special.digamma(1) + 0.5772156649015329) < 1e-12)
        #expect(abs(Special.digamma(3.7) - Special.digamma(2.7) - 1 / 2.7) < 1e-12)
        let h = 1e-5
        #expect(abs(Special.digamma(2.3) - (lgamma(2.3 + h) - lgamma(2.3 - h)) / (2 * h)) < 1e-8)
    }
}
