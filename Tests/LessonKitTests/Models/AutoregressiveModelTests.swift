import Foundation
import LessonKit
import Testing

/// The autoregressive image models: exact normalisation, causality, the blind spot, and the NLL they reach.
@Suite struct AutoregressiveModelTests {
    /// All 2⁹ binary 3 × 3 images.
    static let allPatterns: [[Double]] = (0..<512).map { code in (0..<9).map { Double((code >> (8 - $0)) & 1) } }

    @Test(arguments: ["FVSBN", "MADE", "PixelCNN", "GatedPixelCNN", "RowLSTM", "DiagonalBiLSTM"])
    func probabilitiesOfAllThreeByThreeImagesSumToOne(model name: String) {
        var generator = SeededGenerator(seed: 3)
        let model: any AutoregressiveImageModel = switch name {
        case "FVSBN": FVSBN(pixelCount: 9)
        case "MADE": MADE(pixelCount: 9, hiddenUnits: 16, using: &generator)
        case "PixelCNN": PixelCNN(height: 3, width: 3, channels: 4, firstKernelSize: 3, layers: 2, using: &generator)
        case "GatedPixelCNN": GatedPixelCNN(height: 3, width: 3, channels: 4, layers: 2, using: &generator)
        case "RowLSTM": RowLSTM(height: 3, width: 3, hiddenChannels: 4, inputKernelSize: 3, using: &generator)
        default: DiagonalBiLSTM(height: 3, width: 3, hiddenChannels: 4, inputKernelSize: 3, using: &generator)
        }
        randomiseParameters(of: model, seed: 4)
        let probabilities = Self.allPatterns.map { Foundation.exp(model.logProbability(of: $0)) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12, "\(name): Σ p(x) = \(probabilities.reduce(0, +))")
        #expect(Set(probabilities.map { ($0 * 1e9).rounded() }).count > 64, "\(name): the distribution is not trivial")
    }

    @Test(arguments: ["FVSBN", "MADE", "PixelCNN", "GatedPixelCNN", "RowLSTM", "DiagonalBiLSTM"])
    func noOutputDependsOnItsOwnOrALaterPixel(model name: String) {
        var generator = SeededGenerator(seed: 5)
        let model: any AutoregressiveImageModel = switch name {
        case "FVSBN": FVSBN(pixelCount: 36)
        case "MADE": MADE(pixelCount: 36, hiddenUnits: 175, using: &generator)
        case "PixelCNN": PixelCNN(height: 6, width: 6, channels: 4, firstKernelSize: 5, layers: 2, using: &generator)
        case "GatedPixelCNN": GatedPixelCNN(height: 6, width: 6, channels: 4, layers: 3, using: &generator)
        case "RowLSTM": RowLSTM(height: 6, width: 6, hiddenChannels: 4, inputKernelSize: 5, using: &generator)
        default: DiagonalBiLSTM(height: 6, width: 6, hiddenChannels: 4, inputKernelSize: 5, using: &generator)
        }
        randomiseParameters(of: model, seed: 6)
        for pixel in 0..<36 {
            let influence = model.influence(on: pixel)
            #expect(!influence[pixel...].contains(true), "\(name): pixel \(pixel) depends on itself or a later pixel")
        }
        #expect(model.influence(on: 35)[34], "\(name): the last pixel sees its left neighbour")
    }

    @Test func plainPixelCNNHasTheBlindSpotAndTheGatedOneDoesNot() {
        // 8 × 8 images, output pixel (4, 4); both models reach 3 rows up and 3 columns either side.
        var generator = SeededGenerator(seed: 7)
        let plain = PixelCNN(height: 8, width: 8, channels: 4, firstKernelSize: 3, layers: 2, using: &generator)
        let gated = GatedPixelCNN(height: 8, width: 8, channels: 4, kernelSize: 3, layers: 3, using: &generator)
        randomiseParameters(of: plain, seed: 8)
        randomiseParameters(of: gated, seed: 9)
        let pixel = 4 * 8 + 4
        func index(_ y: Int, _ x: Int) -> Int { y * 8 + x }
        let plainSees = plain.influence(on: pixel), gatedSees = gated.influence(on: pixel)
        // Up and to the right: in the context, reachable in three layers, and missed by the plain stack.
        for (y, x) in [(3, 6), (2, 7), (3, 7)] {
            #expect(!plainSees[index(y, x)], "plain PixelCNN should be blind to (\(y), \(x))")
            #expect(gatedSees[index(y, x)], "gated PixelCNN should see (\(y), \(x))")
        }
        // Every earlier pixel within three rows up and three columns either side reaches the gated model.
        let window = (1...3).flatMap { dy in (-3...3).map { dx in index(4 - dy, 4 + dx) } } + (1...3).map { index(4, 4 - $0) }
        #expect(window.allSatisfy { gatedSees[$0] }, "gated blind spot: \(gated.blindSpot(of: pixel))")
        #expect(!plain.blindSpot(of: pixel).isEmpty)
        // The plain stack still sees up and to the left.
        #expect(plainSees[index(3, 3)] && plainSees[index(2, 2)] && plainSees[index(4, 3)])
    }

    @Test func samplingDrawsEachPixelFromItsConditional() {
        // An FVSBN whose pixel 0 is on with p = σ(1.5) and pixel 1 copies pixel 0 (large weight) and is otherwise off.
        let model = FVSBN(pixelCount: 2)
        model.biases.value = Tensor([1.5, -40])
        model.weights.value = Tensor([[0, 0], [80, 0]])
        var generator = SeededGenerator(seed: 10)
        let samples = model.sample(count: 4000, using: &generator)
        let firstOn = Double(samples.filter { $0[0] == 1 }.count) / 4000
        let p = 1 / (1 + Foundation.exp(-1.5))
        #expect(abs(firstOn - p) < 4 * (p * (1 - p) / 4000).squareRoot())
        #expect(samples.allSatisfy { $0[1] == $0[0] })
    }
}
