import LessonKit
import Testing

/// The rearrangements the recurrent image models use: values land where the definitions say, and gradients go
/// back to where each value came from.
@Suite struct FeatureMapRearrangementTests {
    /// A map [1, 2, H, W] whose entries are 1, 2, 3, … in order.
    func counting(height: Int, width: Int) -> Variable {
        Variable(Tensor(shape: [1, 2, height, width], scalars: (1...(2 * height * width)).map(Double.init)), requiresGradient: true)
    }

    @Test func skewMovesRowYRightByYAndUnskewUndoesIt() {
        let map = counting(height: 3, width: 2)          // channel 0 rows: [1 2] [3 4] [5 6]
        let skewed = map.skewed()
        #expect(skewed.shape == [1, 2, 3, 4])
        #expect(Array(skewed.value.scalars.prefix(12)) == [1, 2, 0, 0, 0, 3, 4, 0, 0, 0, 5, 6])
        #expect(skewed.unskewed().value == map.value)
    }

    @Test func mirrorShiftRowAndColumnPickTheRightValues() {
        let map = counting(height: 2, width: 3)          // channel 0 rows: [1 2 3] [4 5 6]
        #expect(Array(map.mirrored().value.scalars.prefix(6)) == [3, 2, 1, 6, 5, 4])
        #expect(Array(map.shiftedDown().value.scalars.prefix(6)) == [0, 0, 0, 1, 2, 3])
        #expect(map.row(1).value.scalars == [4, 5, 6, 10, 11, 12])
        #expect(map.column(2).value.scalars == [3, 6, 9, 12])
        #expect(Variable.joiningColumns((0..<3).map { map.column($0) }).value == map.value)
        #expect(Variable.joiningRows((0..<2).map { map.row($0) }).value == map.value)
    }

    @Test func gradientsReturnToTheirSources() {
        // Σ wᵢ · out_i, with distinct weights: each input's gradient is the weight of the output it went to
        // (0 if it went nowhere, the sum if it went to several).
        let map = counting(height: 2, width: 2)
        let picked = map.skewed().column(1)              // (0, 1) and (1, 0) of each channel
        let weights = Variable(Tensor(shape: picked.shape, scalars: [10, 20, 30, 40]))
        (picked * weights).sum().backward()
        #expect(map.gradient?.scalars == [0, 10, 20, 0, 0, 30, 40, 0])
        let twice = map.reshaped([1, 2, 4]).gathered(from: [0, 0, nil])
        (twice * Variable(Tensor(shape: [1, 2, 3], scalars: [1, 2, 3, 4, 5, 6]))).sum().backward()
        #expect(map.gradient?.scalars == [3, 0, 0, 0, 9, 0, 0, 0])
    }

    @Test func graphStatisticsCountArithmeticNotMoves() {
        let x = Variable(Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]))
        let w = Variable(Tensor(shape: [3, 4], scalars: Array(repeating: 1, count: 12)))
        let y = x.matmul(w).reshaped([8]).tanh()          // a chain of 2 arithmetic operations and a reshape
        #expect(y.sequentialDepth == 2)
        #expect(y.arithmeticOperationCount == 2)
        #expect(y.scalarOperationCount == 2 * 4 * 3 + 8)  // 24 multiply-adds, then 8 tanh
        let z = y + y.sigmoid()                            // depth 4 through the sigmoid, 3 through the direct path
        #expect(z.sequentialDepth == 4)
    }
}
