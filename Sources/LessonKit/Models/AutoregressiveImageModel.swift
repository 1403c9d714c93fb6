/// A model of binary images as a product of conditionals in raster order,
/// p(x) = ∏ᵢ p(xᵢ | x₍<ᵢ₎), with p(xᵢ = 1 | x₍<ᵢ₎) = σ(ℓᵢ).
///
/// A conforming model computes every conditional's logit ℓᵢ in one pass over a batch of complete images
/// ("teacher forcing"): that is what makes training parallel. Sampling must still go pixel by pixel, because
/// pixel i needs the sampled values of the pixels before it.
public protocol AutoregressiveImageModel: AnyObject {
    /// Pixels per image, D = height × width.
    var pixelCount: Int { get }
    /// Everything the optimizer updates.
    var parameters: [Parameter] { get }
    /// The number of parameters that can change, that is, not counting entries that a mask holds at zero.
    var parameterCount: Int { get }
    /// Logits ℓ[n, i] of p(xᵢ = 1 | x₍<ᵢ₎) for a batch of images [n, D] (values 0 or 1): shape [n, D].
    /// ℓ[n, i] may depend on images[n, j] for j < i only.
    func logits(_ images: Variable) -> Variable
    /// Whether training may compute the two halves of a minibatch on two threads at once, each half's graph with
    /// its own leaves of the parameters, and add their gradients: `logits` must then be safe to call from two
    /// threads at the same time, which holds when it changes nothing but the graph it returns. False unless a
    /// model says so (LessonKit's models do): a model of your own that counts its passes, say, trains on one thread.
    var trainsInShards: Bool { get }
}

extension AutoregressiveImageModel {
    /// One thread: a model is not known to be safe to call from two threads at once unless it says so.
    public var trainsInShards: Bool { false }

    /// Every entry of every parameter (for models without masks).
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Mean negative log-likelihood in nats per image, exact: −log p(x) = Σᵢ softplus(ℓᵢ) − xᵢ ℓᵢ, averaged over
    /// the images (each an array of D values 0 or 1). Evaluated in batches of `batchSize`.
    public func negativeLogLikelihood(_ images: [[Double]], batchSize: Int = 500) -> Double {
        var total = 0.0
        for start in stride(from: 0, to: images.count, by: batchSize) {
            let batch = Array(images[start..<min(start + batchSize, images.count)])
            let x = Variable(Tensor(batch))
            total += Double(batch.count * pixelCount) * binaryCrossEntropy(logits: logits(x), targets: x).value.scalar
        }
        return total / Double(images.count)
    }

    /// log p(x) of one image, in nats.
    public func logProbability(of image: [Double]) -> Double { -negativeLogLikelihood([image]) }

    /// Draws `count` images pixel by pixel: D passes of the model, each fixing one more pixel of every image.
    public func sample<G: RandomNumberGenerator>(count: Int, using generator: inout G) -> [[Double]] {
        var images = [[Double]](repeating: [Double](repeating: 0, count: pixelCount), count: count)
        for pixel in 0..<pixelCount {
            let probabilities = logits(Variable(Tensor(images))).value
            for n in 0..<count {
                let p = Special.sigmoid(probabilities.scalars[n * pixelCount + pixel])
                images[n][pixel] = generator.uniform() < p ? 1 : 0
            }
        }
        return images
    }

    /// Trains by minibatch Adam on the mean negative log-likelihood per image (plus `weightDecay` · Σθ² over
    /// the parameters), reshuffling the training images every epoch; records training and test NLL per epoch.
    /// Under `lessons run` a terminal shows the epochs go by; the cell's output gets one line,
    /// "training FVSBN ▕████████████████████▏ 60/60 epochs".
    @discardableResult
    public func train<G: RandomNumberGenerator>(
        on images: [[Double]], test: [[Double]] = [], epochs: Int, batchSize: Int = 100, learningRate: Double = 1e-2,
        weightDecay: Double = 0, using generator: inout G
    ) -> TrainingHistory {
        let bar = ProgressBar("training \(type(of: self))", total: epochs, unit: "epochs")
        let history = TrainingCache.reuse(
            kind: "train \(String(reflecting: type(of: self)))", parameters: parameters, probe: { cacheProbe(images) },
            inputs: { key in
                key.add(images)
                key.add(test)
                [epochs, batchSize].forEach { key.add($0) }
                [learningRate, weightDecay].forEach { key.add($0) }
            },
            generator: &generator
        ) { generator in
            trainUncached(on: images, test: test, epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                weightDecay: weightDecay, bar: bar, using: &generator)
        }
        bar.advance(to: history.trainingNLL.count)
        bar.finish()
        return history
    }

    private func trainUncached<G: RandomNumberGenerator>(
        on images: [[Double]], test: [[Double]], epochs: Int, batchSize: Int, learningRate: Double,
        weightDecay: Double, bar: ProgressBar, using generator: inout G
    ) -> TrainingHistory {
        var adam = Adam(parameters, learningRate: learningRate)
        var history = TrainingHistory()
        var order = Array(images.indices)
        let clock = ContinuousClock(), started = clock.now
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            history.trainingNLL.append(trainOneEpoch(images, order: order, batchSize: batchSize, weightDecay: weightDecay, adam: &adam))
            if !test.isEmpty { history.testNLL.append(negativeLogLikelihood(test)) }
            bar.advance()
        }
        history.seconds = (clock.now - started).seconds
        return history
    }
}
