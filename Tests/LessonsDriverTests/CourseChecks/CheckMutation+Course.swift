extension CheckMutation {
    private typealias M = CheckMutation

    /// A mutation for every `check` of the course outside test cells (those are failed by the wrong answers of
    /// ``ExerciseCase/course``), outside `Lessons/04-elbo.md`'s derivation (``DerivationMutationTests``), and not
    /// listed in ``UnmutatedCheck/course``.
    static let course: [CheckMutation] = [
        // 01: the learning curves.
        M(lesson: "01-generative-models.md", check: "naiveBayesGap < logisticGap",
          find: "let naiveBayesGap = naiveBayesErrors[at200] - naiveBayesErrors.last!",
          replace: "let naiveBayesGap = naiveBayesErrors.first! - naiveBayesErrors.last!"),
        M(lesson: "01-generative-models.md", check: "logisticErrors.last! < naiveBayesErrors.last!",
          find: "    for _ in 0..<300 {", replace: "    for _ in 0..<3 {"),

        // 02: the chain rule, the models' fits, timings and receptive fields.
        M(lesson: "02-autoregressive-models.md", check: "\"chain rule, order x1 x2 x3\"",
          find: "let forward = (0..<3).map", replace: "let forward = (0..<2).map"),
        M(lesson: "02-autoregressive-models.md", check: "\"chain rule, order x3 x1 x2\"",
          find: "let backward = (0..<3).map", replace: "let backward = (0..<2).map"),
        M(lesson: "02-autoregressive-models.md", check: "fvsbnNLL <= 18.5",
          find: "epochs: 60, learningRate: 1e-2, weightDecay: 1e-4", replace: "epochs: 1, learningRate: 1e-2, weightDecay: 1e-4"),
        M(lesson: "02-autoregressive-models.md", check: "pixelNLL < fvsbnNLL",
          find: "epochs: 12, learningRate: 1e-2", replace: "epochs: 1, learningRate: 1e-5"),
        M(lesson: "02-autoregressive-models.md", check: "samplingTime > passTime * 16",
          find: "_ = pixelCNN.logits(Variable(Tensor(pixelSamples)))",
          replace: "for _ in 0..<64 { _ = pixelCNN.logits(Variable(Tensor(pixelSamples))) }"),
        M(lesson: "02-autoregressive-models.md", check: "the plain stack should be blind to (3, 6)",
          find: "PixelCNN(channels: 8, firstKernelSize: 3, layers: 2", replace: "PixelCNN(channels: 8, firstKernelSize: 7, layers: 2"),
        M(lesson: "02-autoregressive-models.md", check: "the gated stack should see (3, 6)",
          find: "GatedPixelCNN(channels: 8, kernelSize: 3, layers: 3", replace: "GatedPixelCNN(channels: 8, kernelSize: 3, layers: 1"),
        M(lesson: "02-autoregressive-models.md", check: "measuredRatio > 5",
          find: "let trainedSamples = 80 * 4 * 256", replace: "let trainedSamples = 80 * 4 * 2"),
        M(lesson: "02-autoregressive-models.md", check: "WaveNet should learn the tone",
          find: "var waveAdam = Adam(wavenet.parameters, learningRate: 1e-2)",
          replace: "var waveAdam = Adam(wavenet.parameters, learningRate: 0)"),

        // 03: the stationary distribution, Metropolis–Hastings, Gibbs against CAVI.
        M(lesson: "03-approximate-inference.md", check: "same limit from every start",
          find: "for _ in 0..<60 { starts = starts.map(advance) }", replace: "for _ in 0..<2 { starts = starts.map(advance) }"),
        M(lesson: "03-approximate-inference.md", check: "\"π P = π\"",
          find: "for _ in 0..<60 { starts = starts.map(advance) }", replace: "for _ in 0..<3 { starts = starts.map(advance) }"),
        M(lesson: "03-approximate-inference.md", check: "MH recovers the mean",
          find: "MultivariateNormal(mean: [1, -1], covariance: [[1, 0.9], [0.9, 1]])",
          replace: "MultivariateNormal(mean: [1.5, -1], covariance: [[1, 0.9], [0.9, 1]])"),
        M(lesson: "03-approximate-inference.md", check: "adapted chains agree",
          find: "draws: 4_000, warmUp: 1_000, seed: 31", replace: "draws: 20, warmUp: 0, seed: 31"),
        M(lesson: "03-approximate-inference.md", check: "Gibbs and CAVI agree",
          find: "GaussianMixtureCAVI(data: points, components: 3, priorVariance: 100)",
          replace: "GaussianMixtureCAVI(data: points, components: 3, priorVariance: 0.01)"),
        M(lesson: "03-approximate-inference.md", check: "CAVI should be much faster than Gibbs",
          find: "draws: 1_000, warmUp: 200, seed: 33", replace: "draws: 2, warmUp: 0, seed: 33"),

        // 04: the evidence, the bound, Monte Carlo and importance weighting.
        M(lesson: "04-elbo.md", check: "two ways to the evidence",
          find: "sigma0 * sigma0 + (i == j ? sigma * sigma : 0)", replace: "sigma0 + (i == j ? sigma * sigma : 0)"),
        M(lesson: "04-elbo.md", check: "log p(x) ≥ ELBO(q)",
          find: "let logEvidence = marginal.logProb(data)", replace: "let logEvidence = marginal.logProb(data) - 0.5"),
        M(lesson: "04-elbo.md", check: "the bound is tight at q = p(z|x)",
          find: "let posterior = model.posterior",
          replace: "let posterior = Normal(mean: model.posterior.mean + 0.1, standardDeviation: model.posterior.standardDeviation)"),
        M(lesson: "04-elbo.md", check: "\"gap = KL\"",
          find: "standardDeviation: posterior.standardDeviation).kl(to: posterior) }",
          replace: "standardDeviation: posterior.standardDeviation).kl(to: model.prior) }"),
        M(lesson: "04-elbo.md", check: "within 5 standard errors",
          find: "let error = estimate.value - model.elbo(poor)", replace: "let error = estimate.value - model.elbo(posterior)"),
        M(lesson: "04-elbo.md", check: "the bound grows with K",
          find: "let ks = [1, 2, 4, 8, 16, 32, 64, 128]", replace: "let ks = [128, 2, 4, 8, 16, 32, 64, 1]"),
        M(lesson: "04-elbo.md", check: "and stays below log p(x)",
          find: "logJoint: model.logJoint).value)", replace: "logJoint: { model.logJoint($0) + 1 }).value)"),

        // 05: mean field by coordinate ascent and by optimisation, the KL directions, the VI recipe.
        M(lesson: "05-variational-families.md", check: "the means converge to the true means",
          find: "meanField.fit(iterations: 120, initialMeans: [-2, 2.5])", replace: "meanField.fit(iterations: 3, initialMeans: [-2, 2.5])"),
        M(lesson: "05-variational-families.md", check: "your update gives LessonKit's fit",
          find: "m[0] = meanFieldUpdate(mu: [0, 0],", replace: "m[0] = meanFieldUpdate(mu: [0.1, 0],"),
        M(lesson: "05-variational-families.md", check: "approximatelyEquals: [1 - rho * rho, 1 - rho * rho]",
          find: "quadratic * .constant(-0.5 / (1 - rho * rho))", replace: "quadratic * .constant(-0.5 / (1 - 0.5 * 0.5))"),
        M(lesson: "05-variational-families.md", check: "check(qDiagonal.kl(to: target)",
          find: "let diagonal = fitByELBO(fullCovariance: false,", replace: "let diagonal = fitByELBO(fullCovariance: true,"),
        M(lesson: "05-variational-families.md", check: "check(fit.variances,",
          find: "MeanFieldGaussian(mean: [0, 0], covariance: [[1, rho], [rho, 1]])",
          replace: "MeanFieldGaussian(mean: [0, 0], covariance: [[1, 0.5], [0.5, 1]])"),
        M(lesson: "05-variational-families.md", check: "a full-covariance q finds p itself",
          find: "let full = fitByELBO(fullCovariance: true,", replace: "let full = fitByELBO(fullCovariance: false,"),
        M(lesson: "05-variational-families.md", check: "approximatelyEquals: [1, 1], tolerance: 0.05",
          find: "(standardized * standardized).mean() * .constant(0.5)", replace: "(standardized * standardized).mean() * .constant(2.0)"),
        M(lesson: "05-variational-families.md", check: "check(target.kl(to: qForward)",
          find: "let sample = (0..<16).map { _ in meanField.target.sample(using: &generator) }",
          replace: "let sample = (0..<16).map { _ in fit.factors.map { $0.sample(using: &generator) } }"),
        M(lesson: "05-variational-families.md", check: "check(quadratureKL(wideQ.logProb",
          find: "stride(from: -40.0, to: 40.0, by: 0.002)", replace: "stride(from: -40.0, to: 3.0, by: 0.002)"),
        M(lesson: "05-variational-families.md", check: "check(quadratureKL(narrowQ.logProb",
          find: "stride(from: -40.0, to: 40.0, by: 0.002)", replace: "stride(from: -40.0, to: 3.0, by: 0.002)"),
        M(lesson: "05-variational-families.md", check: "abs(zeroForcing.mean - 2) < 0.15",
          find: "initialMean: 1, initialLogStandardDeviation: log(0.5), logJoint: logBimodal",
          replace: "initialMean: -1, initialLogStandardDeviation: log(0.5), logJoint: logBimodal"),
        M(lesson: "05-variational-families.md", check: "the recipe finds the posterior",
          find: "recipe.fit(steps: 400,", replace: "recipe.fit(steps: 4,"),

        // 06: the two parts meet.
        M(lesson: "06-summary.md", check: "the table is a distribution",
          find: "let images = (0..<512).map", replace: "let images = (0..<511).map"),
        M(lesson: "06-summary.md", check: "identity.step(\"= ELBO(q) + KL",
          find: "let on = 1 / (1 + exp(-logit))", replace: "let on = 1 / (1 + exp(-2 * logit))"),
        M(lesson: "06-summary.md", check: "the ELBO is a strict lower bound",
          find: "q[$1] * (logJoint[$1] - log(q[$1]))", replace: "q[$1] * (logJoint[$1] - log(q[$1] / 2))"),
    ]
}

extension UnmutatedCheck {
    /// Checks of identities LessonKit computes on both sides: the lesson's code only calls LessonKit, and a lesson
    /// run does not recompile LessonKit, so no mutation of the lesson reaches them. Their implementations are
    /// tested in LessonKitTests (against independent references); here they show the reader a theorem holding.
    static let course: [UnmutatedCheck] = [
        UnmutatedCheck(lesson: "03-approximate-inference.md", check: "approximatelyEquals: step.qBefore + step.entropy",
            reason: "GaussianMixtureEM computes log p(x|θ), Q and H(r) itself; the lesson only reads them"),
        UnmutatedCheck(lesson: "03-approximate-inference.md", check: "the M-step raises Q",
            reason: "GaussianMixtureEM's M-step and Q are inside LessonKit"),
        UnmutatedCheck(lesson: "03-approximate-inference.md", check: "\"monotone\"",
            reason: "the log-likelihoods are GaussianMixtureEM's; monotonicity is a theorem of its EM steps"),
        UnmutatedCheck(lesson: "05-variational-families.md", check: "KL(q ‖ p) never increases",
            reason: "MeanFieldGaussian.fit computes klHistory; monotonicity is a theorem of its coordinate updates"),
        UnmutatedCheck(lesson: "05-variational-families.md", check: "the ELBO never decreases",
            reason: "GaussianMixtureCAVI computes elboHistory; monotonicity is a theorem of CAVI"),
    ]
}
