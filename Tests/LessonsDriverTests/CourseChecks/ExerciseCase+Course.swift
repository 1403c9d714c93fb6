extension ExerciseCase {
    private typealias Wrong = WrongAnswer

    /// Every auto-graded exercise of the course, with the wrong answers its hidden tests must reject.
    static let course: [ExerciseCase] = [
        ExerciseCase(lesson: "01-generative-models.md", exercise: "naive-bayes-log-likelihood", names: ["naiveBayesLogLikelihood"],
            wrongAnswers: [
                Wrong(mistake: "ignores the pixels that are off",
                      body: "x.indices.reduce(0.0) { $0 + x[$1] * log(theta[$1]) }"),
                Wrong(mistake: "the probability, not its logarithm",
                      body: "x.indices.reduce(1.0) { $0 * (x[$1] == 1 ? theta[$1] : 1 - theta[$1]) }"),
                Wrong(mistake: "off by one: skips the last pixel",
                      body: "(0..<(x.count - 1)).reduce(0.0) { $0 + (x[$1] == 1 ? log(theta[$1]) : log(1 - theta[$1])) }"),
                Wrong(mistake: "on and off swapped",
                      body: "x.indices.reduce(0.0) { $0 + (x[$1] == 1 ? log(1 - theta[$1]) : log(theta[$1])) }"),
                Wrong(mistake: "wrong sign",
                      body: "-x.indices.reduce(0.0) { $0 + (x[$1] == 1 ? log(theta[$1]) : log(1 - theta[$1])) }"),
            ]),
        ExerciseCase(lesson: "01-generative-models.md", exercise: "bayes-posterior", names: ["posterior"],
            wrongAnswers: [
                Wrong(mistake: "naive: exponentiates before normalizing (underflows)",
                      body: "let joint = zip(logLikelihoods, logPriors).map { exp($0 + $1) }\nreturn joint.map { $0 / joint.reduce(0, +) }"),
                Wrong(mistake: "forgets the prior",
                      body: "let evidence = Special.logSumExp(logLikelihoods)\nreturn logLikelihoods.map { exp($0 - evidence) }"),
                Wrong(mistake: "does not normalize",
                      body: "zip(logLikelihoods, logPriors).map { exp($0 + $1) }"),
                Wrong(mistake: "subtracts the largest term instead of the log-sum-exp",
                      body: "let joint = zip(logLikelihoods, logPriors).map { $0 + $1 }\nreturn joint.map { exp($0 - joint.max()!) }"),
                Wrong(mistake: "divides by the prior (wrong sign of log p(c))",
                      body: "let joint = zip(logLikelihoods, logPriors).map { $0 - $1 }\nlet evidence = Special.logSumExp(joint)\nreturn joint.map { exp($0 - evidence) }"),
            ]),
        ExerciseCase(lesson: "02-autoregressive-models.md", exercise: "autoregressive-mask", names: ["autoregressiveMask"],
            wrongAnswers: [
                Wrong(mistake: "includes the diagonal (j ≤ i)", body: "(0..<d).map { i in (0..<d).map { j in j <= i ? 1 : 0 } }"),
                Wrong(mistake: "transposed (j > i)", body: "(0..<d).map { i in (0..<d).map { j in j > i ? 1 : 0 } }"),
                Wrong(mistake: "off by one: drops the first (all-zero) row", body: "(1..<d).map { i in (0..<d).map { j in j < i ? 1 : 0 } }"),
                Wrong(mistake: "the visible test's answer, hard-coded", body: "[[0, 0, 0], [1, 0, 0], [1, 1, 0]]"),
            ]),
        ExerciseCase(lesson: "02-autoregressive-models.md", exercise: "receptive-field", names: ["receptiveField"],
            wrongAnswers: [
                Wrong(mistake: "forgets the current sample (the 1)", body: "dilations.reduce(0) { $0 + (k - 1) * $1 }"),
                Wrong(mistake: "k instead of k − 1", body: "1 + dilations.reduce(0) { $0 + k * $1 }"),
                Wrong(mistake: "counts layers, not dilations", body: "1 + (k - 1) * dilations.count"),
                Wrong(mistake: "only the largest dilation", body: "1 + (k - 1) * (dilations.max() ?? 0)"),
            ]),
        // BEGIN lessons 00–02, issue 23: exercises that build a sampler and a model part.
        ExerciseCase(lesson: "02-autoregressive-models.md", exercise: "fvsbn-sampler", names: ["sampleFVSBN"],
            wrongAnswers: [
                Wrong(mistake: "ignores the pixels already drawn (independent pixels)",
                      body: """
                        var image = [Double](repeating: 0, count: biases.count)
                        for i in biases.indices { image[i] = random.nextUniform() < 1 / (1 + exp(-biases[i])) ? 1 : 0 }
                        return image
                        """),
                Wrong(mistake: "transposed weights (Wⱼᵢ instead of Wᵢⱼ)",
                      body: """
                        var image = [Double](repeating: 0, count: biases.count)
                        for i in biases.indices {
                            var logit = biases[i]
                            for j in 0..<i { logit += weights[j][i] * image[j] }
                            image[i] = random.nextUniform() < 1 / (1 + exp(-logit)) ? 1 : 0
                        }
                        return image
                        """),
                Wrong(mistake: "on when the draw is above the probability",
                      body: """
                        var image = [Double](repeating: 0, count: biases.count)
                        for i in biases.indices {
                            var logit = biases[i]
                            for j in 0..<i { logit += weights[i][j] * image[j] }
                            image[i] = random.nextUniform() >= 1 / (1 + exp(-logit)) ? 1 : 0
                        }
                        return image
                        """),
                Wrong(mistake: "the most probable value instead of a draw",
                      body: """
                        var image = [Double](repeating: 0, count: biases.count)
                        for i in biases.indices {
                            var logit = biases[i]
                            for j in 0..<i { logit += weights[i][j] * image[j] }
                            image[i] = logit > 0 ? 1 : 0
                        }
                        return image
                        """),
                Wrong(mistake: "off by one: leaves out the pixel just before",
                      body: """
                        var image = [Double](repeating: 0, count: biases.count)
                        for i in biases.indices {
                            var logit = biases[i]
                            for j in 0..<max(0, i - 1) { logit += weights[i][j] * image[j] }
                            image[i] = random.nextUniform() < 1 / (1 + exp(-logit)) ? 1 : 0
                        }
                        return image
                        """),
            ]),
        ExerciseCase(lesson: "02-autoregressive-models.md", exercise: "nade-forward", names: ["nadeConditionals"],
            wrongAnswers: [
                Wrong(mistake: "adds pixel i to the running sum before conditional i (it reads its own pixel)",
                      body: """
                        var a = c
                        var conditionals: [Double] = []
                        for i in x.indices {
                            for k in a.indices { a[k] += w[k][i] * x[i] }
                            var logit = b[i]
                            for k in a.indices { logit += v[i][k] / (1 + exp(-a[k])) }
                            conditionals.append(1 / (1 + exp(-logit)))
                        }
                        return conditionals
                        """),
                Wrong(mistake: "no sigmoid on the hidden layer",
                      body: """
                        var a = c
                        var conditionals: [Double] = []
                        for i in x.indices {
                            var logit = b[i]
                            for k in a.indices { logit += v[i][k] * a[k] }
                            conditionals.append(1 / (1 + exp(-logit)))
                            for k in a.indices { a[k] += w[k][i] * x[i] }
                        }
                        return conditionals
                        """),
                Wrong(mistake: "starts the running sum at 0 instead of c",
                      body: """
                        var a = [Double](repeating: 0, count: c.count)
                        var conditionals: [Double] = []
                        for i in x.indices {
                            var logit = b[i]
                            for k in a.indices { logit += v[i][k] / (1 + exp(-a[k])) }
                            conditionals.append(1 / (1 + exp(-logit)))
                            for k in a.indices { a[k] += w[k][i] * x[i] }
                        }
                        return conditionals
                        """),
                Wrong(mistake: "no running sum: conditional i reads only the pixel just before",
                      body: """
                        var conditionals: [Double] = []
                        for i in x.indices {
                            var logit = b[i]
                            for k in c.indices {
                                let a = c[k] + (i > 0 ? w[k][i - 1] * x[i - 1] : 0)
                                logit += v[i][k] / (1 + exp(-a))
                            }
                            conditionals.append(1 / (1 + exp(-logit)))
                        }
                        return conditionals
                        """),
                Wrong(mistake: "returns the logits, not the probabilities",
                      body: """
                        var a = c
                        var logits: [Double] = []
                        for i in x.indices {
                            var logit = b[i]
                            for k in a.indices { logit += v[i][k] / (1 + exp(-a[k])) }
                            logits.append(logit)
                            for k in a.indices { a[k] += w[k][i] * x[i] }
                        }
                        return logits
                        """),
            ]),
        ExerciseCase(lesson: "02-autoregressive-models.md", exercise: "pixelcnn-mask", names: ["pixelCNNMask"],
            wrongAnswers: [
                Wrong(mistake: "keeps the centre in mask A too",
                      body: """
                        let c = k / 2
                        return (0..<k).map { i in (0..<k).map { j in i < c || (i == c && j <= c) ? 1 : 0 } }
                        """),
                Wrong(mistake: "drops the centre in mask B too",
                      body: """
                        let c = k / 2
                        return (0..<k).map { i in (0..<k).map { j in i < c || (i == c && j < c) ? 1 : 0 } }
                        """),
                Wrong(mistake: "the whole centre row (reads pixels to the right)",
                      body: """
                        let c = k / 2
                        return (0..<k).map { i in (0..<k).map { j in i < c || (i == c && (j != c || includesCentre)) ? 1 : 0 } }
                        """),
                Wrong(mistake: "transposed: columns to the left and the centre column above",
                      body: """
                        let c = k / 2
                        return (0..<k).map { i in (0..<k).map { j in j < c || (j == c && (i < c || (i == c && includesCentre))) ? 1 : 0 } }
                        """),
                Wrong(mistake: "rows below instead of above",
                      body: """
                        let c = k / 2
                        return (0..<k).map { i in (0..<k).map { j in i > c || (i == c && (j < c || (j == c && includesCentre))) ? 1 : 0 } }
                        """),
                Wrong(mistake: "centre off by one (k/2 + 1)",
                      body: """
                        let c = k / 2 + 1
                        return (0..<k).map { i in (0..<k).map { j in i < c || (i == c && (j < c || (j == c && includesCentre))) ? 1 : 0 } }
                        """),
            ]),
        // END lessons 00–02, issue 23.
        ExerciseCase(lesson: "03-approximate-inference.md", exercise: "responsibilities", names: ["responsibilities"],
            wrongAnswers: [
                Wrong(mistake: "naive densities (0/0 far from both components)",
                      body: """
                        let p = weights.indices.map { k in
                            weights[k] * exp(-(x - means[k]) * (x - means[k]) / (2 * variances[k])) / (2 * Double.pi * variances[k]).squareRoot()
                        }
                        return p.map { $0 / p.reduce(0, +) }
                        """),
                Wrong(mistake: "forgets the normalizing constant −½ log(2πσ²)",
                      body: """
                        let logTerms = weights.indices.map { k in log(weights[k]) - (x - means[k]) * (x - means[k]) / (2 * variances[k]) }
                        let normalizer = Special.logSumExp(logTerms)
                        return logTerms.map { exp($0 - normalizer) }
                        """),
                Wrong(mistake: "forgets the 2 in (x − μ)²/(2σ²)",
                      body: """
                        let logTerms = weights.indices.map { k in
                            log(weights[k]) - 0.5 * log(2 * Double.pi * variances[k]) - (x - means[k]) * (x - means[k]) / variances[k]
                        }
                        let normalizer = Special.logSumExp(logTerms)
                        return logTerms.map { exp($0 - normalizer) }
                        """),
                Wrong(mistake: "forgets the mixture weights",
                      body: """
                        let logTerms = weights.indices.map { k in
                            -0.5 * log(2 * Double.pi * variances[k]) - (x - means[k]) * (x - means[k]) / (2 * variances[k])
                        }
                        let normalizer = Special.logSumExp(logTerms)
                        return logTerms.map { exp($0 - normalizer) }
                        """),
                Wrong(mistake: "does not normalize",
                      body: """
                        weights.indices.map { k in
                            exp(log(weights[k]) - 0.5 * log(2 * Double.pi * variances[k]) - (x - means[k]) * (x - means[k]) / (2 * variances[k]))
                        }
                        """),
            ]),
        ExerciseCase(lesson: "03-approximate-inference.md", exercise: "acceptance", names: ["acceptanceProbability"],
            wrongAnswers: [
                Wrong(mistake: "naive ratio exp(b) / exp(a) (inf / inf = nan, and min(1, nan) = 1)",
                      body: "min(1, exp(logProposed) / exp(logCurrent))"),
                Wrong(mistake: "rescales only very negative log densities",
                      body: "let shift = logCurrent < -500 ? -logCurrent : 0\nreturn min(1, exp(logProposed + shift) / exp(logCurrent + shift))"),
                Wrong(mistake: "forgets the min(1, ·)", body: "exp(logProposed - logCurrent)"),
                Wrong(mistake: "the ratio upside down", body: "min(1, exp(logCurrent - logProposed))"),
            ]),
        ExerciseCase(lesson: "04-elbo.md", exercise: "monte-carlo-elbo", names: ["monteCarloELBO"], context: ["model"],
            wrongAnswers: [
                Wrong(mistake: "forgets − log q(z)",
                      body: "var total = 0.0\nfor _ in 0..<samples { total += logJoint(q.sample(using: &generator)) }\nreturn total / Double(samples)"),
                Wrong(mistake: "adds log q(z) (wrong sign)",
                      body: "var total = 0.0\nfor _ in 0..<samples {\n    let z = q.sample(using: &generator)\n    total += logJoint(z) + q.logProb(z)\n}\nreturn total / Double(samples)"),
                Wrong(mistake: "off by one: divides by S − 1",
                      body: "var total = 0.0\nfor _ in 0..<samples {\n    let z = q.sample(using: &generator)\n    total += logJoint(z) - q.logProb(z)\n}\nreturn total / Double(samples - 1)"),
                Wrong(mistake: "evaluates at the mean of q instead of averaging over draws",
                      body: "logJoint(q.mean) - q.logProb(q.mean)"),
                Wrong(mistake: "one draw, whatever S is",
                      body: "let z = q.sample(using: &generator)\nreturn logJoint(z) - q.logProb(z)"),
            ]),
        ExerciseCase(lesson: "04-elbo.md", exercise: "gaussian-kl", names: ["gaussianKL"],
            wrongAnswers: [
                Wrong(mistake: "standard deviations where variances belong", body: "log(s2 / s1) + (s1 + (m1 - m2) * (m1 - m2)) / (2 * s2) - 0.5"),
                Wrong(mistake: "forgets the − ½", body: "log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2)"),
                Wrong(mistake: "log(s1 / s2) (wrong sign)", body: "log(s1 / s2) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5"),
                Wrong(mistake: "divides by q's variance instead of p's", body: "log(s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s1 * s1) - 0.5"),
                Wrong(mistake: "forgets the mean difference", body: "log(s2 / s1) + s1 * s1 / (2 * s2 * s2) - 0.5"),
                Wrong(mistake: "a symmetric distance", body: "log(s2 / s1) * log(s2 / s1) + (m1 - m2) * (m1 - m2) / 2"),
            ]),
        ExerciseCase(lesson: "05-variational-families.md", exercise: "mean-field-update", names: ["meanFieldUpdate"],
            wrongAnswers: [
                Wrong(mistake: "wrong sign", body: "mu[0] + precision[0][1] / precision[0][0] * (m2 - mu[1])"),
                Wrong(mistake: "forgets to subtract μ₂", body: "mu[0] - precision[0][1] / precision[0][0] * m2"),
                Wrong(mistake: "divides by Λ₂₂ instead of Λ₁₁", body: "mu[0] - precision[0][1] / precision[1][1] * (m2 - mu[1])"),
                Wrong(mistake: "forgets to divide by Λ₁₁", body: "mu[0] - precision[0][1] * (m2 - mu[1])"),
                Wrong(mistake: "the ratio upside down (Λ₁₁/Λ₁₂)", body: "mu[0] - precision[0][0] / precision[0][1] * (m2 - mu[1])"),
            ]),
        ExerciseCase(lesson: "05-variational-families.md", exercise: "mixture-moments", names: ["mixtureMoments"],
            wrongAnswers: [
                Wrong(mistake: "the average variance (forgets the spread of the means)",
                      body: "let mean = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }\nreturn (mean, zip(weights, variances).reduce(0) { $0 + $1.0 * $1.1 })"),
                Wrong(mistake: "an unweighted mean",
                      body: "let mean = means.reduce(0, +) / Double(means.count)\nlet second = weights.indices.reduce(0.0) { $0 + weights[$1] * (variances[$1] + means[$1] * means[$1]) }\nreturn (mean, second - mean * mean)"),
                Wrong(mistake: "the second moment, not the variance",
                      body: "let mean = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }\nreturn (mean, weights.indices.reduce(0.0) { $0 + weights[$1] * (variances[$1] + means[$1] * means[$1]) })"),
                Wrong(mistake: "squared weights, as for a weighted sum of independent variables",
                      body: "let mean = zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }\nreturn (mean, weights.indices.reduce(0.0) { $0 + weights[$1] * weights[$1] * variances[$1] })"),
            ]),
        ExerciseCase(lesson: "07-summary.md", exercise: "log-sum-exp", names: ["logSumExp"],
            wrongAnswers: [
                Wrong(mistake: "naive log Σ exp (overflows and underflows)", body: "log(a.reduce(0) { $0 + exp($1) })"),
                Wrong(mistake: "the largest term only", body: "a.max() ?? -Double.infinity"),
                Wrong(mistake: "0 for an empty sum",
                      body: "guard let top = a.max() else { return 0 }\nreturn top + log(a.reduce(0) { $0 + exp($1 - top) })"),
                Wrong(mistake: "shifts by the first term, not the largest",
                      body: "guard let first = a.first else { return -Double.infinity }\nreturn first + log(a.reduce(0) { $0 + exp($1 - first) })"),
                // Without the all −∞ guard: exp(−∞ − (−∞)) is exp(NaN), and the sum is NaN instead of −∞.
                Wrong(mistake: "no guard for every term −∞",
                      body: "guard let top = a.max() else { return -Double.infinity }\nreturn top + log(a.reduce(0) { $0 + exp($1 - top) })"),
            ]),
        ExerciseCase(lesson: "07-summary.md", exercise: "autoregressive-log-likelihood", names: ["autoregressiveLogLikelihood"],
            wrongAnswers: [
                Wrong(mistake: "naive log σ(ℓ) or log(1 − σ(ℓ)), by the pixel's value",
                      body: "zip(x, logits).reduce(0) { $0 + ($1.0 == 1 ? log(1 / (1 + exp(-$1.1))) : log(1 - 1 / (1 + exp(-$1.1)))) }"),
                Wrong(mistake: "naive log σ and log(1 − σ)",
                      body: "zip(x, logits).reduce(0) { total, pair in\n    let p = 1 / (1 + exp(-pair.1))\n    return total + pair.0 * log(p) + (1 - pair.0) * log(1 - p)\n}"),
                Wrong(mistake: "naive softplus log(1 + e^ℓ) (overflows)",
                      body: "zip(x, logits).reduce(0) { $0 + $1.0 * $1.1 - log(1 + exp($1.1)) }"),
                Wrong(mistake: "wrong sign of the logit",
                      body: "zip(x, logits).reduce(0) { $0 - $1.0 * $1.1 - Special.softplus(-$1.1) }"),
                Wrong(mistake: "off by one: skips the first pixel",
                      body: "zip(x.dropFirst(), logits.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 - Special.softplus($1.1) }"),
            ]),
        // BEGIN lessons 03+ (issue 24): the exercises that build a sampler, an estimator, a CAVI sweep, and the VAE's KL term.
        ExerciseCase(lesson: "03-approximate-inference.md", exercise: "metropolis-hastings", names: ["metropolisHastings"],
            wrongAnswers: [
                Wrong(mistake: "always accepts (a random walk, not a sampler)",
                      body: """
                        var current = start
                        var chain: [[Double]] = []
                        for _ in 0..<draws {
                            current = current.map { $0 + stepSize * generator.gaussian() }
                            chain.append(current)
                        }
                        return chain
                        """),
                Wrong(mistake: "accepts only uphill moves (an optimiser, not a sampler)",
                      body: """
                        var current = start
                        var logCurrent = logDensity(current)
                        var chain: [[Double]] = []
                        for _ in 0..<draws {
                            let proposal = current.map { $0 + stepSize * generator.gaussian() }
                            let logProposal = logDensity(proposal)
                            if logProposal > logCurrent { current = proposal; logCurrent = logProposal }
                            chain.append(current)
                        }
                        return chain
                        """),
                Wrong(mistake: "records only accepted proposals",
                      body: """
                        var current = start
                        var logCurrent = logDensity(current)
                        var chain: [[Double]] = []
                        for _ in 0..<draws {
                            let proposal = current.map { $0 + stepSize * generator.gaussian() }
                            let logProposal = logDensity(proposal)
                            if log(generator.uniform()) < logProposal - logCurrent {
                                current = proposal
                                logCurrent = logProposal
                                chain.append(current)
                            }
                        }
                        return chain
                        """),
                Wrong(mistake: "never updates log p̃ of the current point after a move",
                      body: """
                        var current = start
                        let logCurrent = logDensity(current)
                        var chain: [[Double]] = []
                        for _ in 0..<draws {
                            let proposal = current.map { $0 + stepSize * generator.gaussian() }
                            if log(generator.uniform()) < logDensity(proposal) - logCurrent { current = proposal }
                            chain.append(current)
                        }
                        return chain
                        """),
                Wrong(mistake: "the ratio upside down",
                      body: """
                        var current = start
                        var logCurrent = logDensity(current)
                        var chain: [[Double]] = []
                        for _ in 0..<draws {
                            let proposal = current.map { $0 + stepSize * generator.gaussian() }
                            let logProposal = logDensity(proposal)
                            if log(generator.uniform()) < logCurrent - logProposal {
                                current = proposal
                                logCurrent = logProposal
                            }
                            chain.append(current)
                        }
                        return chain
                        """),
            ]),
        ExerciseCase(lesson: "05-variational-families.md", exercise: "reparameterized-gradient", names: ["reparameterizedGradient"],
            wrongAnswers: [
                Wrong(mistake: "forgets the entropy's ∂H/∂ω = 1",
                      body: """
                        let sigma = exp(omega)
                        var dMean = 0.0, dOmega = 0.0
                        for _ in 0..<samples {
                            let epsilon = generator.gaussian()
                            let slope = dLogJoint(m + sigma * epsilon)
                            dMean += slope
                            dOmega += slope * sigma * epsilon
                        }
                        return [dMean / Double(samples), dOmega / Double(samples)]
                        """),
                Wrong(mistake: "∂z/∂ω = ε instead of e^ω ε",
                      body: """
                        let sigma = exp(omega)
                        var dMean = 0.0, dOmega = 0.0
                        for _ in 0..<samples {
                            let epsilon = generator.gaussian()
                            let slope = dLogJoint(m + sigma * epsilon)
                            dMean += slope
                            dOmega += slope * epsilon
                        }
                        return [dMean / Double(samples), dOmega / Double(samples) + 1]
                        """),
                Wrong(mistake: "evaluates the slope at the mean of q instead of drawing",
                      body: "return [dLogJoint(m), 1]"),
                Wrong(mistake: "σ = ω (forgets the exponential)",
                      body: """
                        var dMean = 0.0, dOmega = 0.0
                        for _ in 0..<samples {
                            let epsilon = generator.gaussian()
                            let slope = dLogJoint(m + omega * epsilon)
                            dMean += slope
                            dOmega += slope * omega * epsilon
                        }
                        return [dMean / Double(samples), dOmega / Double(samples) + 1]
                        """),
                Wrong(mistake: "separate draws for z and for the ε that multiplies the slope",
                      body: """
                        let sigma = exp(omega)
                        var dMean = 0.0, dOmega = 0.0
                        for _ in 0..<samples {
                            let slope = dLogJoint(m + sigma * generator.gaussian())
                            dMean += slope
                            dOmega += slope * sigma * generator.gaussian()
                        }
                        return [dMean / Double(samples), dOmega / Double(samples) + 1]
                        """),
                Wrong(mistake: "divides by S − 1",
                      body: """
                        let sigma = exp(omega)
                        var dMean = 0.0, dOmega = 0.0
                        for _ in 0..<samples {
                            let epsilon = generator.gaussian()
                            let slope = dLogJoint(m + sigma * epsilon)
                            dMean += slope
                            dOmega += slope * sigma * epsilon
                        }
                        return [dMean / Double(samples - 1), dOmega / Double(samples - 1) + 1]
                        """),
            ]),
        ExerciseCase(lesson: "05-variational-families.md", exercise: "cavi-sweep", names: ["caviSweep"],
            wrongAnswers: [
                Wrong(mistake: "forgets D s²ₖ in the responsibilities",
                      body: Self.caviSweep(logit: "dot - 0.5 * squaredNorm")),
                Wrong(mistake: "forgets the prior in s²ₖ = 1/(1/σ² + Nₖ)",
                      body: Self.caviSweep(variance: "1 / count")),
                Wrong(mistake: "mₖ = Sₖ/Nₖ (the prior left out of the mean)",
                      body: Self.caviSweep(mean: "weightedSum.map { $0 / count }")),
                Wrong(mistake: "responsibilities not normalized",
                      body: Self.caviSweep(normalizer: "0.0")),
                Wrong(mistake: "x·mₖ with the wrong sign (points go to the farthest cluster)",
                      body: Self.caviSweep(logit: "-dot - 0.5 * (squaredNorm + Double(d) * variances[c])")),
                Wrong(mistake: "overshoots: moves each mean three times as far as the update says",
                      body: Self.caviSweep(mean: "(0..<d).map { j in means[c][j] + 3 * (newVariances[c] * weightedSum[j] - means[c][j]) }")),
            ]),
        ExerciseCase(lesson: "06-variational-autoencoders.md", exercise: "encoder-kl", names: ["encoderKL"],
            wrongAnswers: [
                Wrong(mistake: "forgets the − 1 per coordinate",
                      body: "var total = 0.0\nfor j in mean.indices { total += mean[j] * mean[j] + exp(2 * logStandardDeviation[j]) - 2 * logStandardDeviation[j] }\nreturn 0.5 * total"),
                Wrong(mistake: "forgets the ½",
                      body: "var total = 0.0\nfor j in mean.indices { total += mean[j] * mean[j] + exp(2 * logStandardDeviation[j]) - 1 - 2 * logStandardDeviation[j] }\nreturn total"),
                Wrong(mistake: "σ where σ² belongs",
                      body: "var total = 0.0\nfor j in mean.indices { total += mean[j] * mean[j] + exp(logStandardDeviation[j]) - 1 - 2 * logStandardDeviation[j] }\nreturn 0.5 * total"),
                Wrong(mistake: "+ log σ² instead of − log σ²",
                      body: "var total = 0.0\nfor j in mean.indices { total += mean[j] * mean[j] + exp(2 * logStandardDeviation[j]) - 1 + 2 * logStandardDeviation[j] }\nreturn 0.5 * total"),
                Wrong(mistake: "squares σ before taking its logarithm (underflows to log 0)",
                      body: "var total = 0.0\nfor j in mean.indices {\n    let sigma = exp(logStandardDeviation[j])\n    total += mean[j] * mean[j] + sigma * sigma - 1 - log(sigma * sigma)\n}\nreturn 0.5 * total"),
                Wrong(mistake: "only the first coordinate",
                      body: "0.5 * (mean[0] * mean[0] + exp(2 * logStandardDeviation[0]) - 1 - 2 * logStandardDeviation[0])"),
            ]),
        // END lessons 03+ (issue 24)
    ]

    /// The solution of `cavi-sweep` with one piece replaced: the responsibilities' logit, their normalizer, the
    /// variance update or the mean update.
    private static func caviSweep(
        logit: String = "dot - 0.5 * (squaredNorm + Double(d) * variances[c])", normalizer: String = "Special.logSumExp(logits)",
        variance: String = "1 / (1 / priorVariance + count)", mean: String = "weightedSum.map { newVariances[c] * $0 }"
    ) -> String {
        """
        let k = means.count, d = means[0].count
        var responsibilities: [[Double]] = []
        for x in data {
            var logits = [Double](repeating: 0, count: k)
            for c in 0..<k {
                var dot = 0.0, squaredNorm = 0.0
                for j in 0..<d {
                    dot += x[j] * means[c][j]
                    squaredNorm += means[c][j] * means[c][j]
                }
                logits[c] = \(logit)
            }
            let normalizer = \(normalizer)
            responsibilities.append(logits.map { exp($0 - normalizer) })
        }
        var newMeans: [[Double]] = []
        var newVariances: [Double] = []
        for c in 0..<k {
            var count = 0.0
            var weightedSum = [Double](repeating: 0, count: d)
            for (phi, x) in zip(responsibilities, data) {
                count += phi[c]
                for j in 0..<d { weightedSum[j] += phi[c] * x[j] }
            }
            newVariances.append(\(variance))
            newMeans.append(\(mean))
        }
        return (newMeans, newVariances, responsibilities)
        """
    }
}
