import Foundation
import LessonKit
import Testing

/// The models on the course's data: the canonical binarised split of the 8 × 8 digits (1,500 train, 297 test).
@Suite struct DigitsLikelihoodTests {
    @Test func fvsbnReachesAtMost18Point5NatsAndPixelCNNDoesBetter() throws {
        let digits = try Digits.load().binarized().split()
        var generator = SeededGenerator(seed: 1)
        let fvsbn = FVSBN(pixelCount: 64)
        fvsbn.train(on: digits.train.images, epochs: 60, learningRate: 1e-2, weightDecay: 1e-4, using: &generator)
        let fvsbnNLL = fvsbn.negativeLogLikelihood(digits.test.images)
        #expect(fvsbnNLL <= 18.5, "FVSBN test NLL \(fvsbnNLL) nats")
        let independent = FVSBN(pixelCount: 64)  // untrained: every pixel p = 1/2, so NLL = 64 log 2
        #expect(abs(independent.negativeLogLikelihood(digits.test.images) - 64 * Foundation.log(2)) < 1e-9)

        let pixelCNN = PixelCNN(channels: 32, firstKernelSize: 15, layers: 1, using: &generator)
        pixelCNN.train(on: digits.train.images, epochs: 12, learningRate: 1e-2, using: &generator)
        let pixelCNNNLL = pixelCNN.negativeLogLikelihood(digits.test.images)
        #expect(pixelCNNNLL < fvsbnNLL, "PixelCNN \(pixelCNNNLL) nats vs FVSBN \(fvsbnNLL)")
    }
}
