import Foundation
import LessonKit
import Testing

/// Early stopping on a validation split: the model keeps the parameters of its best validation epoch, and stops
/// only after `patience` epochs without progress.
@Suite struct EarlyStoppingTests {
    /// 3 × 3 images from a fixed mixture of two strokes with noise: enough structure to overfit 40 images.
    static func images(_ count: Int, seed: UInt64) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        let strokes: [[Double]] = [[1, 1, 1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 1, 0, 0, 1, 0, 0]]
        return (0..<count).map { _ in
            let stroke = strokes[generator.uniform() < 0.5 ? 0 : 1]
            return stroke.map { generator.uniform() < 0.15 ? 1 - $0 : $0 }
        }
    }

    @Test func keepsTheBestValidationEpochAndStopsAfterThePatience() {
        var generator = SeededGenerator(seed: 2)
        let model = MADE(pixelCount: 9, hiddenUnits: 64, using: &generator)
        let validation = Self.images(40, seed: 3)
        let history = model.trainWithEarlyStopping(on: Self.images(40, seed: 1), validation: validation, maxEpochs: 300,
            patience: 4, minimumImprovement: 0.01, batchSize: 10, learningRate: 3e-2, using: &generator)
        #expect(history.stoppedEarly && history.epochs < 300, "40 images overfit long before 300 epochs")
        let best = history.validationNLL.min()!
        #expect(history.validationNLL[history.bestEpoch - 1] == best)
        // The model's own NLL on the validation images, recomputed: the kept parameters are the best epoch's.
        #expect(abs(model.negativeLogLikelihood(validation) - best) < 1e-12)
        #expect(history.validationNLL.last! > best, "the last epoch is not the one kept")
        // No epoch in the last `patience` lowered the validation NLL by more than the threshold.
        let before = history.validationNLL.dropLast(4).min()!
        #expect(history.validationNLL.suffix(4).allSatisfy { $0 >= before - 0.01 })
    }

    @Test func runsToTheLimitWhileTheValidationNLLFalls() {
        var generator = SeededGenerator(seed: 4)
        let model = FVSBN(pixelCount: 9)
        let history = model.trainWithEarlyStopping(on: Self.images(200, seed: 5), validation: Self.images(100, seed: 6),
            maxEpochs: 3, patience: 5, batchSize: 20, learningRate: 1e-2, using: &generator)
        #expect(!history.stoppedEarly && history.epochs == 3 && history.bestEpoch == 3)
    }
}
