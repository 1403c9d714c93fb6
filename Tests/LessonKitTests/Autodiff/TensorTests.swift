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

    /// The triple-loop product of op(a) and op(b), the reference the BLAS path is checked against.
    func referenceProduct<S: TensorScalar>(_ a: TensorOf<S>, _ b: TensorOf<S>, transposeA: Bool, transposeB: Bool) -> [S] {
        let left = transposeA ? a.transposed : a, right = transposeB ? b.transposed : b
        let (m, k, n) = (left.shape[0], left.shape[1], right.shape[1])
        return (0..<(m * n)).map { position in
            let (i, j) = (position / n, position % n)
            var total = S(0)
            for p in 0..<k { total += left.scalars[i * k + p] * right.scalars[p * n + j] }
            return total
        }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func blasProductsMatchTheReferenceInBothPrecisions(transposeA: Bool, transposeB: Bool) {
        var generator = SeededGenerator(seed: 12)
        let a = Tensor(randomNormal: transposeA ? [6, 9] : [9, 6], using: &generator)
        let b = Tensor(randomNormal: transposeB ? [4, 6] : [6, 4], using: &generator)
        let double = a.matmul(b, transposingSelf: transposeA, transposingOther: transposeB)
        #expect(double.shape == [9, 4])
        for (x, y) in zip(double.scalars, referenceProduct(a, b, transposeA: transposeA, transposeB: transposeB)) {
            #expect(abs(x - y) < 1e-12)
        }
        let (fa, fb) = (a.converted(to: Float.self), b.converted(to: Float.self))
        let single = fa.matmul(fb, transposingSelf: transposeA, transposingOther: transposeB)
        for (x, y) in zip(single.scalars, referenceProduct(fa, fb, transposeA: transposeA, transposeB: transposeB)) {
            #expect(abs(x - y) < 1e-5)
        }
    }

    @Test func floatTensorsBroadcastReduceAndConvert() {
        let row = FloatTensor([1.5, 2, 3]), column = FloatTensor([[10], [20]])
        #expect((row + column).scalars == [11.5, 12, 13, 21.5, 22, 23])
        #expect((row * column).sum(alongAxis: 0).scalars == [45, 60, 90])
        #expect((row - column).summed(toShape: [2, 1]).scalars == [-23.5, -53.5])
        #expect(FloatTensor(2.5).converted(to: Double.self) == Tensor(2.5))
        #expect(Tensor([0.1]).converted(to: Float.self).scalars == [Float(0.1)])
    }

    @Test func broadcastingAlongInnerAndOuterAxesMatchesIndexArithmetic() {
        var generator = SeededGenerator(seed: 13)
        let a = Tensor(randomNormal: [2, 3, 4], using: &generator), b = Tensor(randomNormal: [3, 1], using: &generator)
        let sum = a + b
        for i in 0..<2 { for j in 0..<3 { for k in 0..<4 {
            #expect(sum.scalars[(i * 3 + j) * 4 + k] == a.scalars[(i * 3 + j) * 4 + k] + b.scalars[j])
        } } }
        let reduced = sum.summed(toShape: [3, 1])
        for j in 0..<3 {
            var expected = 0.0
            for i in 0..<2 { for k in 0..<4 { expected += sum.scalars[(i * 3 + j) * 4 + k] } }
            #expect(abs(reduced.scalars[j] - expected) < 1e-12)
        }
        #expect((Tensor(2) * a).scalars == a.scalars.map { 2 * $0 })
    }
}
