import LessonKit
import Testing

@Suite struct TensorTests {
    @Test func broadcastingFollowsNumPy() {
        #expect(Tensor.broadcastShape([3, 1, 4], [2, 1]) == [3, 2, 4])
        #expect(Tensor.broadcastShape([], [2, 3]) == [2, 3])
        let row = Tensor([1, 2, 3])
        let column = Tensor([[10], [20]])
        #expect((row + column).scalars == [11, 12, 13, 21, 22, 23])
        #expect((row + column).summed(toShape: [3]).scalars == [32, 34, 36])
        #expect((row * column).summed(toShape: [2, 1]).scalars == [60, 120])
    }

    @Test func matmulMatchesATripleLoop() {
        var generator = SeededGenerator(seed: 11)
        let a = Tensor(randomNormal: [7, 5], using: &generator), b = Tensor(randomNormal: [5, 3], using: &generator)
        let product = a.matmul(b)
        for i in 0..<7 { for j in 0..<3 {
            let expected = (0..<5).reduce(0.0) { $0 + a.scalars[i * 5 + $1] * b.scalars[$1 * 3 + j] }
            #expect(abs(product.scalars[i * 3 + j] - expected) < 1e-12)
        } }
        #expect(a.transposed.transposed == a)
        #expect(Tensor([[1, 2], [3, 4]]).sum(alongAxis: 0).scalars == [4, 6])
        #expect(Tensor([[1, 2], [3, 4]]).sum(alongAxis: 1).scalars == [3, 7])
    }
}
