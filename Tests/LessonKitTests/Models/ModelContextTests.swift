import LessonKit
import Testing

/// Context tests: for every output pixel, the set of input pixels it depends on (∂ℓ_(y,x)/∂x_j ≠ 0 at random
/// inputs, random weights, several seeds) must equal the set its paper defines (``ExpectedContext``), not
/// merely avoid later pixels. Image sizes are small and not square, so that rows and columns cannot be swapped.
@Suite struct ModelContextTests {
    /// Sizes (height, width) and weight seeds every model is checked on.
    static let cases: [(height: Int, width: Int, seed: UInt64)] = [(6, 6, 11), (5, 7, 12), (7, 5, 13)]

    /// Compares the measured and expected context of every output pixel; reports the first few differences.
    func expectContext(
        of model: some AutoregressiveImageModel, height: Int, width: Int, name: String,
        expected: (_ y: Int, _ x: Int) -> Set<Int>
    ) {
        var mismatches: [String] = []
        for pixel in 0..<(height * width) {
            let influence = model.influence(on: pixel, trials: 5, seed: UInt64(pixel + 1))
            let measured = Set(influence.indices.filter { influence[$0] })
            let wanted = expected(pixel / width, pixel % width)
            guard measured != wanted else { continue }
            func cells(_ set: Set<Int>) -> String { set.sorted().map { "(\($0 / width),\($0 % width))" }.joined(separator: " ") }
            mismatches.append("output (\(pixel / width),\(pixel % width)): missing \(cells(wanted.subtracting(measured))); extra \(cells(measured.subtracting(wanted)))")
        }
        #expect(mismatches.isEmpty, "\(name) \(height)×\(width): \(mismatches.count) outputs differ, e.g. \(mismatches.prefix(4).joined(separator: "; "))")
    }

    @Test func fvsbnSeesEveryEarlierPixel() {
        for (height, width, seed) in Self.cases {
            let model = FVSBN(pixelCount: height * width)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "FVSBN") {
                ExpectedContext.allEarlier(y: $0, x: $1, height: height, width: width)
            }
        }
    }

    @Test func madeSeesEveryEarlierPixel() {
        for (height, width, seed) in Self.cases {
            var generator = SeededGenerator(seed: seed)
            let model = MADE(pixelCount: height * width, hiddenUnits: 6 * height * width, using: &generator)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "MADE") {
                ExpectedContext.allEarlier(y: $0, x: $1, height: height, width: width)
            }
        }
    }

    @Test(arguments: [(3, 2), (5, 1)])
    func pixelCNNSeesItsBlindSpottedCone(firstKernelSize: Int, layers: Int) {
        for (height, width, seed) in Self.cases {
            var generator = SeededGenerator(seed: seed)
            let model = PixelCNN(height: height, width: width, channels: 6, firstKernelSize: firstKernelSize, layers: layers,
                using: &generator)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "PixelCNN") {
                ExpectedContext.pixelCNN(y: $0, x: $1, height: height, width: width, firstKernelSize: firstKernelSize, layers: layers)
            }
        }
    }

    @Test func gatedPixelCNNSeesTheFullConeWithinItsReceptiveField() {
        for (height, width, seed) in Self.cases {
            var generator = SeededGenerator(seed: seed)
            let model = GatedPixelCNN(height: height, width: width, channels: 4, kernelSize: 3, layers: 2, using: &generator)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "gated PixelCNN") {
                ExpectedContext.gatedPixelCNN(y: $0, x: $1, height: height, width: width, kernelSize: 3, layers: 2)
            }
        }
    }

    @Test(arguments: [3, 5])
    func rowLSTMSeesTheTriangleAbove(inputKernelSize: Int) {
        for (height, width, seed) in Self.cases {
            var generator = SeededGenerator(seed: seed)
            let model = RowLSTM(height: height, width: width, hiddenChannels: 4, inputKernelSize: inputKernelSize, using: &generator)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "Row LSTM") {
                ExpectedContext.rowLSTM(y: $0, x: $1, height: height, width: width, inputKernelSize: inputKernelSize)
            }
        }
    }

    @Test(arguments: [3, 5])
    func diagonalBiLSTMSeesEveryEarlierPixelButTheLastOfTheRowAbove(inputKernelSize: Int) {
        for (height, width, seed) in Self.cases {
            var generator = SeededGenerator(seed: seed)
            let model = DiagonalBiLSTM(height: height, width: width, hiddenChannels: 4, inputKernelSize: inputKernelSize,
                using: &generator)
            randomiseParameters(of: model, seed: seed)
            expectContext(of: model, height: height, width: width, name: "Diagonal BiLSTM") {
                ExpectedContext.diagonalBiLSTM(y: $0, x: $1, height: height, width: width, inputKernelSize: inputKernelSize)
            }
        }
    }

    @Test func diagonalBiLSTMWithAWideEnoughInputLayerSeesEveryEarlierPixel() {
        // r = 6 ≥ W − 1 for W = 6: the mask-A layer at the current row reaches the last pixel of the row above.
        var generator = SeededGenerator(seed: 14)
        let model = DiagonalBiLSTM(height: 5, width: 6, hiddenChannels: 4, inputKernelSize: 13, using: &generator)
        randomiseParameters(of: model, seed: 14)
        expectContext(of: model, height: 5, width: 6, name: "Diagonal BiLSTM, 13 × 13 input layer") {
            ExpectedContext.allEarlier(y: $0, x: $1, height: 5, width: 6)
        }
    }
}
