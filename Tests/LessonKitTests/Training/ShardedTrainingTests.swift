import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// A minibatch computed in two halves on two threads (``GradientShard``) gives the whole minibatch's NLL and
/// gradients, for every model LessonKit trains that way, any minibatch size and with weight decay; a model that does
/// not say it is safe to call from two threads is never called so; and training stays the same bits run after run.
@Suite struct ShardedTrainingTests {
    /// The same model, trained as one that did not say it can be called from two threads (its parameters are the
    /// model's own objects).
    final class OneThread: AutoregressiveImageModel {
        let model: any AutoregressiveImageModel
        init(_ model: any AutoregressiveImageModel) { self.model = model }
        var pixelCount: Int { model.pixelCount }
        var parameters: [Parameter] { model.parameters }
        func logits(_ images: Variable) -> Variable { model.logits(images) }
    }

    /// A model that counts the calls of `logits` running at the same time, and those made for half a minibatch
    /// (whether or not the halves happened to overlap); it says nothing about threads.
    final class CallCounter: AutoregressiveImageModel {
        let model = FVSBN(pixelCount: 64)
        private let lock = NSLock()
        private var running = 0
        private(set) var mostAtOnce = 0
        private(set) var callsForHalves = 0
        var pixelCount: Int { model.pixelCount }
        var parameters: [Parameter] { model.parameters }
        func logits(_ images: Variable) -> Variable {
            lock.withLock {
                running += 1
                mostAtOnce = max(mostAtOnce, running)
                if GradientShard.index != nil { callsForHalves += 1 }
            }
            defer { lock.withLock { running -= 1 } }
            Thread.sleep(forTimeInterval: 0.002)  // long enough for a second call to overlap, were there one
            return model.logits(images)
        }
    }

    static let modelNames = ["FVSBN", "MADE", "NADE", "PixelCNN", "GatedPixelCNN", "RowLSTM", "DiagonalBiLSTM"]

    /// A small model of each kind LessonKit trains in halves, from `seed`.
    static func model(_ name: String, seed: UInt64) -> any AutoregressiveImageModel {
        var generator = SeededGenerator(seed: seed)
        switch name {
        case "FVSBN":
            let model = FVSBN(pixelCount: 64)
            // Not the zeros it starts from, so that every weight's gradient depends on the images.
            for parameter in model.parameters {
                parameter.value = Tensor(randomNormal: parameter.value.shape, standardDeviation: 0.1, using: &generator)
            }
            return model
        case "MADE": return MADE(pixelCount: 64, hiddenUnits: 16, using: &generator)
        case "NADE": return NADE(pixelCount: 64, hiddenUnits: 8, using: &generator)
        case "PixelCNN": return PixelCNN(channels: 4, firstKernelSize: 15, layers: 1, using: &generator)
        case "GatedPixelCNN": return GatedPixelCNN(channels: 4, layers: 2, using: &generator)
        case "RowLSTM": return RowLSTM(hiddenChannels: 3, inputKernelSize: 3, using: &generator)
        default: return DiagonalBiLSTM(hiddenChannels: 3, inputKernelSize: 3, using: &generator)
        }
    }

    static func images(_ count: Int, seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in (0..<64).map { _ in generator.uniform() < 0.4 ? 1 : 0 } }
    }

    @Test func halvesGiveTheWholeMinibatchsNLLAndGradients() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...6), Gen.int(in: 1...80), Gen.bool, Gen.uint(in: 0...UInt.max)) {
            which, count, decay, seed in
            let name = Self.modelNames[which]
            let model = Self.model(name, seed: UInt64(seed))
            #expect(model.trainsInShards, "\(name) trains on one thread")
            let batch = Self.images(count, seed: UInt64(seed) &+ 1)
            let weightDecay = decay ? 1e-3 : 0

            let wholeNLL = OneThread(model).backpropagate(minibatch: batch, weightDecay: weightDecay)
            let whole = model.parameters.map(\.gradient)
            model.parameters.forEach { $0.startNewGraph() }
            let halvesNLL = model.backpropagate(minibatch: batch, weightDecay: weightDecay)
            let halves = model.parameters.map(\.gradient)
            let split = count >= 2 * PixelCNN.smallestShard
            // Split: the halves' leaves carry the data's gradient, the whole step's none (or only the penalty's).
            #expect(model.parameters.allSatisfy { ($0.current == nil) == (split && !decay) }, "\(name), \(count) images")

            #expect(abs(halvesNLL - wholeNLL) <= 1e-12 * max(1, abs(wholeNLL)), "\(name), \(count) images: NLL")
            for (index, (a, b)) in zip(halves, whole).enumerated() {
                let scale = max(1e-300, b.scalars.map(abs).max() ?? 0)
                let worst = zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
                #expect(a.shape == b.shape && worst <= 1e-11 * scale,
                    "\(name), \(count) images, decay \(decay): parameter \(index) differs by \(worst) (largest \(scale))")
            }
            #expect(whole.contains { $0.scalars.contains { $0 != 0 } }, "\(name): no gradient at all")
        }
    }

    @Test func aModelThatDoesNotSaySoIsNeverCalledFromTwoThreads() {
        let counter = CallCounter()
        #expect(!counter.trainsInShards)
        var generator = SeededGenerator(seed: 3)
        _ = counter.train(on: Self.images(128, seed: 4), epochs: 1, batchSize: 64, using: &generator)
        #expect(counter.mostAtOnce == 1)
        #expect(counter.callsForHalves == 0)
    }

    @Test(arguments: ["PixelCNN", "MADE"])
    func trainingInHalvesIsTheSameBitsEveryRun(_ name: String) {
        func trained() -> [[Double]] {
            let model = Self.model(name, seed: 11)
            var generator = SeededGenerator(seed: 12)
            _ = model.train(on: Self.images(200, seed: 13), epochs: 2, batchSize: 100, using: &generator)
            return model.parameters.map(\.value.scalars)
        }
        let first = trained()
        for _ in 0..<3 { #expect(trained() == first) }
    }
}
