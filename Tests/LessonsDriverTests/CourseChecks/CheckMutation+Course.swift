extension CheckMutation {
    private typealias M = CheckMutation

    /// A mutation for every `check` of the course outside test cells (those are failed by the wrong answers of
    /// ``ExerciseCase/course``), outside `Lessons/04-elbo.md`'s derivation (``DerivationMutationTests``), and not
    /// listed in ``UnmutatedCheck/course``.
    static let course: [CheckMutation] = [
        // BEGIN lessons 00–02 (issue 23).
        // 01: the learning curves.
        M(lesson: "01-generative-models.md", check: "naiveBayesGap < logisticGap",
          find: "let naiveBayesGap = naiveBayesErrors[at200] - naiveBayesErrors.last!",
          replace: "let naiveBayesGap = naiveBayesErrors.first! - naiveBayesErrors.last!"),
        M(lesson: "01-generative-models.md", check: "logisticErrors.last! < naiveBayesErrors.last!",
          find: "    for _ in 0..<300 {", replace: "    for _ in 0..<3 {"),
        M(lesson: "01-generative-models.md", check: "difference.value > 3 * difference.standardError",
          find: "for k in [0, 1] {", replace: "for k in [3, 4] {"),
        M(lesson: "01-generative-models.md", check: "abs(difference.value) < 4 * difference.standardError",
          find: "for k in [3, 4, 5] {", replace: "for k in [0, 1, 2] {"),
        // 01: the dependencies classic models leave out, and the GAN's value at the best discriminator.
        // The digits themselves in place of the independent model's samples: their neighbours are correlated.
        M(lesson: "01-generative-models.md", check: "dataCorrelation > 0.1",
          find: "let independentDraws = (0..<train.count).map { _ in thetaAll.map { random.uniform() < $0 ? 1.0 : 0.0 } }",
          replace: "let independentDraws = train.images"),
        // The discriminator's formula with p_data and p_g swapped: not the best one, and not −log 4 + 2 JSD.
        M(lesson: "01-generative-models.md", check: "gameValue(bestDiscriminator), approximatelyEquals",
          find: "let bestDiscriminator = (0..<6).map { pData[$0] / (pData[$0] + pGenerator[$0]) }",
          replace: "let bestDiscriminator = (0..<6).map { pGenerator[$0] / (pData[$0] + pGenerator[$0]) }"),
        M(lesson: "01-generative-models.md", check: "otherDiscriminators.allSatisfy",
          find: "let bestDiscriminator = (0..<6).map { pData[$0] / (pData[$0] + pGenerator[$0]) }",
          replace: "let bestDiscriminator = (0..<6).map { pGenerator[$0] / (pData[$0] + pGenerator[$0]) }"),

        // 02: the chain rule, the models' fits, their costs, timings, receptive fields, contexts, MLE = KL and the
        // order of the pixels. The mutations of the training cells also shorten the training (1 or 2 epochs, or a
        // learning rate of 0), so that the lesson's one batched run (``CheckMutationTests/wholeLessonBatches``)
        // stays fast.
        M(lesson: "02-autoregressive-models.md", check: "\"chain rule, order x1 x2 x3\"",
          find: "let forward = (0..<3).map", replace: "let forward = (0..<2).map"),
        M(lesson: "02-autoregressive-models.md", check: "\"chain rule, order x3 x1 x2\"",
          find: "let backward = (0..<3).map", replace: "let backward = (0..<2).map"),
        M(lesson: "02-autoregressive-models.md", check: "every FVSBN run should beat independent pixels",
          find: "let fvsbns = trainThreeTimes(maxEpochs: 80, weightDecay: 1e-4)",
          replace: "let fvsbns = trainThreeTimes(maxEpochs: 1, learningRate: 0, weightDecay: 1e-4)"),
        M(lesson: "02-autoregressive-models.md", check: "every NADE run should beat independent pixels",
          find: "let nades = trainThreeTimes(maxEpochs: 60)", replace: "let nades = trainThreeTimes(maxEpochs: 1, learningRate: 0)"),
        // A NADE whose hidden layer grows with D costs D² too.
        M(lesson: "02-autoregressive-models.md", check: "fvsbnGrowth > 14 && nadeGrowth < 4.5",
          find: "NADE(pixelCount: d, hiddenUnits: 32, using: &costRandom)", replace: "NADE(pixelCount: d, hiddenUnits: d / 2, using: &costRandom)"),
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(pixelCNNMask(size: k, includesCentre: includesCentre)",
          find: "for (includesCentre, kind) in [(false, ConvolutionMask.Kind.a), (true, .b)]",
          replace: "for (includesCentre, kind) in [(false, ConvolutionMask.Kind.b), (true, .a)]"),
        // A counter that counts two passes for each: the count no longer matches the 64 pixels.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(countedCNN.passes, pixelCNN.pixelCount",
          find: "        passes += 1", replace: "        passes += 2"),
        M(lesson: "02-autoregressive-models.md", check: "samplingTime > passTime * 16",
          find: "CPUTime.measure { pixelCNN.logits(Variable(Tensor(pixelSamples))) }",
          replace: "CPUTime.measure { for _ in 0..<64 { _ = pixelCNN.logits(Variable(Tensor(pixelSamples))) } }"),
        M(lesson: "02-autoregressive-models.md", check: "the plain stack should be blind to (3, 6)",
          find: "let plainStack = PixelCNN(height: 8, width: 8, channels: 8, firstTaps: pixelCNNMask(size: 3,",
          replace: "let plainStack = PixelCNN(height: 8, width: 8, channels: 8, firstTaps: pixelCNNMask(size: 7,"),
        M(lesson: "02-autoregressive-models.md", check: "the gated stack should see (3, 6)",
          find: "GatedPixelCNN(channels: 8, kernelSize: 3, layers: 3", replace: "GatedPixelCNN(channels: 8, kernelSize: 3, layers: 1"),
        // The FVSBN starts with zero weights: without the random ones, the architecture's map is empty too.
        M(lesson: "02-autoregressive-models.md", check: "!fvsbn.influence(on: 4 * 8 + 4)[0]",
          find: "fvsbnArchitecture.weights.value = Tensor(randomNormal", replace: "_ = Tensor(randomNormal"),
        // A 3×3 mask-A layer narrows the Row LSTM's triangle.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(unreached(rowLSTM, 5, 1)",
          find: "RowLSTM(hiddenChannels: 8, inputKernelSize: 5", replace: "RowLSTM(hiddenChannels: 8, inputKernelSize: 3"),
        // A 13×13 mask-A layer reaches the last pixel of the row above from every column (x + 6 ≥ 7).
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(unreached(diagonalLSTM, 5, 1)",
          find: "DiagonalBiLSTM(hiddenChannels: 8, inputKernelSize: 5", replace: "DiagonalBiLSTM(hiddenChannels: 8, inputKernelSize: 13"),
        // A Row LSTM in place of the Diagonal BiLSTM also misses (4, 0) at (4, 4).
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(unreached(diagonalLSTM, 4, 4)",
          find: "let diagonalLSTM = DiagonalBiLSTM(", replace: "let diagonalLSTM = RowLSTM("),
        // A 3×3 first layer gives the PixelCNN a small receptive field.
        M(lesson: "02-autoregressive-models.md", check: "should see every earlier pixel",
          find: "PixelCNN(channels: 16, firstKernelSize: 15, layers: 1, using: &$0)",
          replace: "PixelCNN(channels: 16, firstKernelSize: 3, layers: 1, using: &$0)"),
        // Gradient ascent: a PixelCNN worse than the FVSBN.
        M(lesson: "02-autoregressive-models.md", check: "nll.mean < fvsbnNLL.mean - 0.2",
          find: "let pixelCNNs = trainThreeTimes(maxEpochs: 40)", replace: "let pixelCNNs = trainThreeTimes(maxEpochs: 2, learningRate: -1e-2)"),
        // The same edit as for the FVSBN's check: an untrained FVSBN is beaten by everything.
        M(lesson: "02-autoregressive-models.md", check: "madeNLL.mean > fvsbnNLL.mean - 0.1",
          find: "let fvsbns = trainThreeTimes(maxEpochs: 80, weightDecay: 1e-4)",
          replace: "let fvsbns = trainThreeTimes(maxEpochs: 1, learningRate: 0, weightDecay: 1e-4)"),
        M(lesson: "02-autoregressive-models.md", check: "rowLSTM.parameterCount < fvsbn.parameterCount",
          find: "{ RowLSTM(hiddenChannels: 8,", replace: "{ RowLSTM(hiddenChannels: 16,"),
        // PixelCNN with one layer per 8 rows: its depth grows with the image.
        M(lesson: "02-autoregressive-models.md", check: "Set(depths[\"PixelCNN\"]!).count",
          find: "channels: 32, firstKernelSize: 15, layers: 1, using: &costRandom", replace: "channels: 32, firstKernelSize: 15, layers: size / 8, using: &costRandom"),
        // A PixelCNN in the Row LSTM's place: its depth does not grow at all.
        M(lesson: "02-autoregressive-models.md", check: "rowDepths[1] > rowDepths[0]",
          find: "RowLSTM(height: size, width: size, hiddenChannels: 8, inputKernelSize: 5, using: &costRandom)",
          replace: "PixelCNN(height: size, width: size, channels: 8, firstKernelSize: 5, layers: 1, using: &costRandom)"),
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(wavenet.receptiveField",
          find: "WaveNet(dilations: [1, 2, 4, 8, 16]", replace: "WaveNet(dilations: [1, 2, 4, 8, 32]"),
        M(lesson: "02-autoregressive-models.md", check: "measuredRatio > 5",
          find: "let trainedSamples = 80 * 4 * 256", replace: "let trainedSamples = 80 * 4 * 2"),
        M(lesson: "02-autoregressive-models.md", check: "WaveNet should learn the tone",
          find: "var waveAdam = Adam(wavenet.parameters, learningRate: 1e-2)",
          replace: "var waveAdam = Adam(wavenet.parameters, learningRate: 0)"),
        // The patterns enumerated in the wrong bit order: the KL no longer pairs each patch with its probability.
        M(lesson: "02-autoregressive-models.md", check: "NLL − H(p̂) = KL(p̂ ‖ p_θ)",
          find: "let pattern = (0..<9).map { Double(code >> (8 - $0) & 1) }", replace: "let pattern = (0..<9).map { Double(code >> $0 & 1) }"),
        // Add-one counts (Laplace smoothing): the table no longer multiplies back to the empirical distribution.
        M(lesson: "02-autoregressive-models.md", check: "tabular NLL in order",
          find: "for t in triples { for k in 0...3 { counts[order.prefix(k).map { t[$0] }, default: 0] += 1 } }",
          replace: "for t in triples { for k in 0...3 { counts[order.prefix(k).map { t[$0] }, default: 1] += 1 } }"),
        // Column by column replaced by reversed raster: the two orders tie.
        M(lesson: "02-autoregressive-models.md", check: "orderGap > 0.1",
          find: "(\"column by column\", (0..<64).map { ($0 % 8) * 8 + $0 / 8 }),", replace: "(\"column by column\", Array((0..<64).reversed())),"),
        // Issue 23, second part: samples, inpainting, the computed diagrams and multi-modal outputs.
        // Twenty training images passed off as NADE's samples.
        M(lesson: "02-autoregressive-models.md", check: "novelFraction >= 0.95",
          find: "let nadeSamples = nade.sample(count: 20, using: &random)", replace: "let nadeSamples = Array(train.images.prefix(20))"),
        // A completion that redraws the given pixels too.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(completions.map { Array($0[..<32]) }",
          find: "    for pixel in first..<64 {", replace: "    for pixel in 0..<64 {"),
        // Each bottom pixel scored with its on and off probabilities swapped.
        M(lesson: "02-autoregressive-models.md", check: "score > independentBottom + 1",
          find: "image[i] == 1 ? logits[n * 64 + i] : -logits[n * 64 + i]", replace: "image[i] == 1 ? -logits[n * 64 + i] : logits[n * 64 + i]"),
        // The vertical stack's two masks swapped.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(gatedKinds.map { taps($0.kind, size: k).count }",
          find: "(\"vertical, layer 1\", .verticalFirst), (\"vertical, later\", .vertical),",
          replace: "(\"vertical, layer 1\", .vertical), (\"vertical, later\", .verticalFirst),"),
        // The horizontal stack without its link to the vertical stack: it would see only its own row.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(covered(horizontalReach, from: target)",
          find: ".union(verticalReach).union(layer == 0 ? [] : horizontalReach)", replace: ".union(layer == 0 ? [] : horizontalReach)"),
        // A mirror in place of the skew: no diagonal becomes a column, and nothing is padded.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(columnContents,",
          find: "let skewedMap = diagonalMap.skewed()", replace: "let skewedMap = diagonalMap.mirrored()"),
        M(lesson: "02-autoregressive-models.md", check: "the skew should pad H(H − 1) zeros",
          find: "let skewedMap = diagonalMap.skewed()", replace: "let skewedMap = diagonalMap.mirrored()"),
        M(lesson: "02-autoregressive-models.md", check: "\"unskew ∘ skew = id\"",
          find: "skewProbe.skewed().unskewed()", replace: "skewProbe.skewed().shiftedDown().unskewed()"),
        // Two taps per layer whatever the kernel: the kernel-3 tree reaches too few inputs.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(dilationTree(kernelSize: k",
          find: "(0..<k).map { t - $0 * d }", replace: "(0..<2).map { t - $0 * d }"),
        // The tree without the WaveNet's causal input layer: one input short of what its gradient reaches.
        M(lesson: "02-autoregressive-models.md", check: "checkEqual(readInputs, probeTree.last!",
          find: "dilationTree(kernelSize: 2, dilations: [1] + treeDilations, length: probeLength)",
          replace: "dilationTree(kernelSize: 2, dilations: treeDilations, length: probeLength)"),
        // Steps too small to converge in 300 iterations.
        M(lesson: "02-autoregressive-models.md", check: "regressionPrediction, approximatelyEquals: targetMean",
          find: "var regressionDescent = SGD([regressionOutput], learningRate: 0.25)",
          replace: "var regressionDescent = SGD([regressionOutput], learningRate: 0.001)"),
        M(lesson: "02-autoregressive-models.md", check: "levelProbabilities, approximatelyEquals: levelFrequencies",
          find: "var categoricalDescent = SGD([levelLogits], learningRate: 1)", replace: "var categoricalDescent = SGD([levelLogits], learningRate: 0.01)"),
        // One mode instead of two: the mean is where the targets are, and nothing lies below zero.
        M(lesson: "02-autoregressive-models.md", check: "nearPrediction == 0",
          find: "(random.uniform() < 0.5 ? -0.7 : 0.7)", replace: "(random.uniform() < 0.5 ? 0.7 : 0.7)"),
        M(lesson: "02-autoregressive-models.md", check: "belowZero > 0.4",
          find: "(random.uniform() < 0.5 ? -0.7 : 0.7)", replace: "(random.uniform() < 0.5 ? 0.7 : 0.7)"),
        // END lessons 00–02 (issue 23).

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

        // 07: the two parts meet.
        M(lesson: "07-summary.md", check: "the table is a distribution",
          find: "let images = (0..<512).map", replace: "let images = (0..<511).map"),
        M(lesson: "07-summary.md", check: "identity.step(\"= ELBO(q) + KL",
          find: "let on = 1 / (1 + exp(-logit))", replace: "let on = 1 / (1 + exp(-2 * logit))"),
        M(lesson: "07-summary.md", check: "the ELBO is a strict lower bound",
          find: "q[$1] * (logJoint[$1] - log(q[$1]))", replace: "q[$1] * (logJoint[$1] - log(q[$1] / 2))"),

        // BEGIN lessons 03+ (issue 24).
        // 03: EM as coordinate ascent on F(r, θ), each side computed apart (F from its formula, log p from Mixture).
        M(lesson: "03-approximate-inference.md", check: "after the E-step, F(r, θ) = log p(x | θ)",
          find: "- log(r[i][k]))", replace: "- 0.9 * log(r[i][k]))"),
        M(lesson: "03-approximate-inference.md", check: "the M-step raises F",
          find: "{ $0 + $1.0[k] * $1.1 } / counts[k] }", replace: "{ $0 + $1.0[k] * $1.1 } / -counts[k] }"),
        M(lesson: "03-approximate-inference.md", check: "log p(x | θ) ≥ F(r, θ) after the M-step",
          find: "- log(r[i][k]))", replace: "- log(r[i][k]) + 0.01)"),
        M(lesson: "03-approximate-inference.md", check: "check(logLikelihoods, approximatelyEquals: lessonKitEM",
          find: "[1.0 / 3, 1.0 / 3, 1.0 / 3], [-1.0, 0, 1])", replace: "[1.0 / 3, 1.0 / 3, 1.0 / 3], [-1.5, 0, 1])"),
        // 04: the reported standard errors, measured over 2,000 repetitions.
        M(lesson: "04-elbo.md", check: "at S = 10 the interval ± 2 reported standard errors",
          find: "for count in [10, 100, 1_000] {", replace: "for count in [1_000, 100, 10] {"),
        M(lesson: "04-elbo.md", check: "and less rarely at S = 1,000",
          find: "for count in [10, 100, 1_000] {", replace: "for count in [1_000, 100, 10] {"),
        // 05: the exact ELBO of the recipe's iterates against a log p(x) computed apart.
        M(lesson: "05-variational-families.md", check: "the ELBO of every iterate is below log p(x)",
          find: "}).logProb(model.data)", replace: "}).logProb(model.data) - 0.5"),
        M(lesson: "05-variational-families.md", check: "check(closedELBO.value.scalars[0]",
          find: "* .constant(-1.0 / 8) + .constant(-0.5 * log(2 * Double.pi * 4))", replace: "* .constant(-1.0 / 4) + .constant(-0.5 * log(2 * Double.pi * 4))"),
        M(lesson: "05-variational-families.md", check: "the tape's gradient is the finite differences'",
          find: "* .constant(-1.0 / 8) + .constant(-0.5 * log(2 * Double.pi * 4))", replace: "* .constant(-1.0 / 4) + .constant(-0.5 * log(2 * Double.pi * 4))"),
        // 06: the VAE.
        M(lesson: "06-variational-autoencoders.md", check: "check(abs(elboByWeights.value - elboByClosedFormKL)",
          find: "noise: noise).value.sum().scalar / Double(test.count))", replace: "noise: noise).value.sum().scalar / Double(test.count - 10))"),
        // Averaging the weights over K² instead of K: each L_K falls by log K. (Reversing the order of K makes L_K fall
        // by less than 4 standard errors of single-digit estimates between neighbours: the L₁₀₀₀ check catches that.)
        M(lesson: "06-variational-autoencoders.md", check: "L_K does not fall from K",
          find: ".map { Special.logSumExp($0) - log(Double(k)) })", replace: ".map { Special.logSumExp($0) - 2 * log(Double(k)) })"),
        M(lesson: "06-variational-autoencoders.md", check: "L₁₀₀₀ is above L₁ by more than Monte Carlo error",
          find: "let ks = [1, 3, 10, 30, 100, 300, 1_000]", replace: "let ks = [1_000, 300, 100, 30, 10, 3, 1]"),
        M(lesson: "06-variational-autoencoders.md", check: "below the independent-pixel model's NLL",
          find: "epochs: 100, batchSize: 100", replace: "epochs: 1, batchSize: 100"),
        M(lesson: "06-variational-autoencoders.md", check: "the VAE does not reach the FVSBN",
          find: "fvsbn.train(on: train.images, epochs: 60,", replace: "fvsbn.train(on: train.images, epochs: 1,"),
        M(lesson: "06-variational-autoencoders.md", check: "the codes separate the digits",
          find: "zip(testCodes.means, test.labels).filter", replace: "zip(testCodes.means, test.labels.reversed()).filter"),
        // Explaining away: the effect's logit −4 + 6a + 6b changed (a against it, an AND of the causes, b left out).
        M(lesson: "06-variational-autoencoders.md", check: "seeing the effect makes cause a more probable",
          find: "-(-4 + 6 * Double(a) + 6 * Double(b))", replace: "-(-4 - 6 * Double(a) + 6 * Double(b))"),
        M(lesson: "06-variational-autoencoders.md", check: "b explains the effect away",
          find: "-(-4 + 6 * Double(a) + 6 * Double(b))", replace: "-(-4 + 6 * Double(a) * Double(b))"),
        M(lesson: "06-variational-autoencoders.md", check: "no factorised q(a) q(b) comes close",
          find: "-(-4 + 6 * Double(a) + 6 * Double(b))", replace: "-(-4 + 6 * Double(a) + 0 * Double(b))"),
        M(lesson: "06-variational-autoencoders.md", check: "ELBO of the encoder's q < ELBO of the optimised q",
          find: "images: gapDigits, steps: 200,", replace: "images: gapDigits, steps: 0,"),
        M(lesson: "06-variational-autoencoders.md", check: "ELBO of the optimised q < log p̂(x)",
          find: "samples: 2_000, using: &random).map { Special.logSumExp($0) - log(2_000.0) }",
          replace: "samples: 2_000, using: &random).map { $0.reduce(0, +) / 2_000 }"),
        // END lessons 03+ (issue 24)
    ]
}
