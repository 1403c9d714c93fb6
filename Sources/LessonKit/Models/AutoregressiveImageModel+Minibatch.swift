import Dispatch

extension AutoregressiveImageModel {
    /// Backpropagates one minibatch's mean NLL per image, plus `weightDecay` · Σθ², into the parameters' gradients
    /// (``Parameter/gradient``) without updating them; returns the mean NLL per image (nats).
    ///
    /// A model that ``trainsInShards`` computes the two halves of a minibatch of at least 2 · ``smallestShard``
    /// images on two threads at once; the gradients are those of the whole minibatch up to rounding.
    func backpropagate(minibatch batch: [[Double]], weightDecay: Double) -> Double {
        guard trainsInShards && batch.count >= 2 * Self.smallestShard else {
            let x = Variable(Tensor(batch))
            let mean = binaryCrossEntropy(logits: logits(x), targets: x) * .constant(Double(pixelCount))
            penalized(mean, weightDecay).backward()
            return mean.value.scalar
        }
        let nll = meanNLLInShards(batch)
        // The penalty's graph has the parameters' whole-step leaves, not the halves' (their gradients add).
        if weightDecay > 0 { penalized(.constant(0), weightDecay).backward() }
        return nll
    }

    /// Images per half below which a minibatch is not split (a thread's start costs more than it saves).
    static var smallestShard: Int { 16 }

    /// loss + weightDecay · Σθ² over every parameter (`loss` itself without decay).
    private func penalized(_ loss: Variable, _ weightDecay: Double) -> Variable {
        guard weightDecay > 0 else { return loss }
        var total = loss
        for parameter in parameters {
            let theta = parameter.variable()
            total = total + (theta * theta).sum() * .constant(weightDecay)
        }
        return total
    }

    /// The minibatch's two halves computed and backpropagated on two threads at once: each half's graph has its own
    /// parameter leaves (``GradientShard``) and computes its share of the mean (n_s / n of its own mean);
    /// ``Parameter/gradient`` adds the shares' gradients in a fixed order.
    private func meanNLLInShards(_ batch: [[Double]]) -> Double {
        let bounds = [0, batch.count / 2, batch.count]
        let shares = ShardResults(count: GradientShard.count)
        // Safe to share between the two threads: the model said so (``trainsInShards``).
        nonisolated(unsafe) let model = self
        let pixelCount = pixelCount
        DispatchQueue.concurrentPerform(iterations: GradientShard.count) { shard in
            GradientShard.$index.withValue(shard) {
                let part = Array(batch[bounds[shard]..<bounds[shard + 1]])
                let x = Variable(Tensor(part))
                let share = Double(pixelCount * part.count) / Double(batch.count)
                let nll = binaryCrossEntropy(logits: model.logits(x), targets: x) * .constant(share)
                nll.backward()
                shares.set(shard, nll.value.scalar)
            }
        }
        return shares.values.reduce(0, +)
    }
}
