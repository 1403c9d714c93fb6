extension AutoregressiveImageModel {
    /// Trains by minibatch Adam on the mean NLL per image (plus `weightDecay` · Σθ²), as ``train(on:test:epochs:batchSize:learningRate:weightDecay:using:)``
    /// does, but chooses the number of epochs on `validation`, images held out of the training set: after each
    /// epoch it measures their NLL, stops once `patience` epochs in a row have not lowered it by more than
    /// `minimumImprovement` nats, or after `maxEpochs`, and puts back the parameters of the epoch with the lowest
    /// validation NLL. No
    /// test image is looked at, so the test NLL measured afterwards is an honest estimate. The cell's output gets
    /// one line with the epochs run ("training PixelCNN ▕██████████▌         ▏ 42/80 epochs" when it stopped early).
    @discardableResult
    public func trainWithEarlyStopping<G: RandomNumberGenerator>(
        on images: [[Double]], validation: [[Double]], maxEpochs: Int, patience: Int = 5, minimumImprovement: Double = 0.01,
        batchSize: Int = 100, learningRate: Double = 1e-2, weightDecay: Double = 0, using generator: inout G
    ) -> EarlyStoppingHistory {
        precondition(!validation.isEmpty && patience > 0 && maxEpochs > 0,
            "trainWithEarlyStopping: needs validation images, patience > 0 and maxEpochs > 0")
        let bar = ProgressBar("training \(type(of: self))", total: maxEpochs, unit: "epochs")
        let history = TrainingCache.reuse(
            kind: "trainWithEarlyStopping \(String(reflecting: type(of: self)))", parameters: parameters,
            probe: { cacheProbe(images) },
            inputs: { key in
                key.add(images)
                key.add(validation)
                [maxEpochs, patience, batchSize].forEach { key.add($0) }
                [minimumImprovement, learningRate, weightDecay].forEach { key.add($0) }
            },
            generator: &generator
        ) { generator in
            trainWithEarlyStoppingUncached(
                on: images, validation: validation, maxEpochs: maxEpochs, patience: patience,
                minimumImprovement: minimumImprovement, batchSize: batchSize, learningRate: learningRate,
                weightDecay: weightDecay, bar: bar, using: &generator)
        }
        bar.advance(to: history.trainingNLL.count)
        bar.finish()
        return history
    }

    /// The model's logits for its first few training images: what ``TrainingCache`` knows the model's make-up by.
    func cacheProbe(_ images: [[Double]]) -> [Double] {
        let first = Array(images.prefix(8))
        guard !first.isEmpty else { return [] }
        return logits(Variable(Tensor(first))).value.scalars
    }

    private func trainWithEarlyStoppingUncached<G: RandomNumberGenerator>(
        on images: [[Double]], validation: [[Double]], maxEpochs: Int, patience: Int, minimumImprovement: Double,
        batchSize: Int, learningRate: Double, weightDecay: Double, bar: ProgressBar, using generator: inout G
    ) -> EarlyStoppingHistory {
        var adam = Adam(parameters, learningRate: learningRate)
        var history = EarlyStoppingHistory()
        var order = Array(images.indices)
        var best = (nll: Double.infinity, values: parameters.map(\.value))
        var lastProgress = (nll: Double.infinity, epoch: 0)
        let clock = ContinuousClock(), started = clock.now
        for epoch in 1...maxEpochs {
            order.shuffle(using: &generator)
            history.trainingNLL.append(trainOneEpoch(images, order: order, batchSize: batchSize, weightDecay: weightDecay, adam: &adam))
            let nll = negativeLogLikelihood(validation)
            history.validationNLL.append(nll)
            bar.advance()
            if nll < best.nll {
                best = (nll, parameters.map(\.value))
                history.bestEpoch = epoch
            }
            if nll < lastProgress.nll - minimumImprovement { lastProgress = (nll, epoch) }
            if epoch - lastProgress.epoch >= patience {
                history.stoppedEarly = true
                break
            }
        }
        for (parameter, value) in zip(parameters, best.values) { parameter.value = value }
        history.seconds = (clock.now - started).seconds
        return history
    }

    /// One epoch of minibatch Adam over `images` in `order`; returns the mean training NLL per image (nats).
    func trainOneEpoch(_ images: [[Double]], order: [Int], batchSize: Int, weightDecay: Double, adam: inout Adam) -> Double {
        guard trainsInShards && batchSize >= 2 * Self.smallestShard else {
            return trainEpoch(images, order: order, batchSize: batchSize, weightDecay: weightDecay, adam: &adam)
        }
        // Each half's products on one thread: the two halves already keep both cores busy.
        return BLASThreads.one {
            trainEpoch(images, order: order, batchSize: batchSize, weightDecay: weightDecay, adam: &adam)
        }
    }

    private func trainEpoch(_ images: [[Double]], order: [Int], batchSize: Int, weightDecay: Double, adam: inout Adam) -> Double {
        var total = 0.0
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = order[start..<min(start + batchSize, order.count)].map { images[$0] }
            let nll = backpropagate(minibatch: batch, weightDecay: weightDecay)
            adam.step()
            total += nll * Double(batch.count)
        }
        return total / Double(order.count)
    }
}
