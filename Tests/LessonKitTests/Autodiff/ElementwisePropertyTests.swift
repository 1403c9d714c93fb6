import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// Broadcasting, its inverse (`summed(toShape:)`), `map` and ReLU give exactly the bits of their definitions written
/// as index arithmetic, over generated shapes (sizes 0 to 3, ranks 0 to 4, any axes broadcast on either side) and
/// values that include −0, infinities and NaN. The fast paths (rows with one side constant, rows summed into one
/// element, uninitialised storage filled once) must neither skip an element, reorder a sum, nor swap operands.
@Suite struct ElementwisePropertyTests {
    /// Values where the order of operations and the sign of zero show.
    static let values: [Double] = [0, -0.0, 1, -1, 0.1, 1e16, -1e16, 3.5, .infinity, -.infinity, .nan, 1e-300]

    /// A tensor of `shape` whose elements are picked from `values` by `picks` (cycled).
    static func tensor(_ shape: [Int], _ picks: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { values[picks.isEmpty ? 0 : picks[$0 % picks.count] % values.count] })
    }

    /// Row-major multi-index of `flat` in `shape`.
    static func index(_ flat: Int, in shape: [Int]) -> [Int] {
        var rest = flat
        var result = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            result[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return result
    }

    /// The flat position in `shape` (right-aligned, broadcast axes of size 1 read index 0) of a full multi-index.
    static func position(of full: [Int], in shape: [Int]) -> Int {
        let padding = full.count - shape.count
        var flat = 0
        for axis in shape.indices {
            flat = flat * shape[axis] + (shape[axis] == 1 ? 0 : full[padding + axis])
        }
        return flat
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    /// Two shapes that broadcast: a common shape, each side keeping or collapsing each axis, and dropping leading axes.
    static let shapes = Gen.int(in: 0...63).array(of: 0...4)

    @Test func broadcastingIsTheIndexArithmetic() async {
        await propertyCheck(count: 400, input: Self.shapes, Gen.int(in: 0...99).array(of: 1...40)) { plan, picks in
            let full = plan.map { $0 % 4 }
            let a = full.enumerated().map { axis, size in plan[axis] & 4 != 0 ? 1 : size }.dropFirst(plan.first.map { $0 & 32 != 0 ? 1 : 0 } ?? 0)
            let b = full.enumerated().map { axis, size in plan[axis] & 8 != 0 ? 1 : size }.dropFirst(plan.first.map { $0 & 16 != 0 ? 1 : 0 } ?? 0)
            let x = Self.tensor(Array(a), picks), y = Self.tensor(Array(b), picks.reversed())
            let shape = Tensor.broadcastShape(x.shape, y.shape)
            let count = shape.reduce(1, *)
            for (name, operation, apply) in [
                ("+", { (p: Double, q: Double) in p + q }, { (p: Tensor, q: Tensor) in p + q }),
                ("-", { (p: Double, q: Double) in p - q }, { (p: Tensor, q: Tensor) in p - q }),
                ("*", { (p: Double, q: Double) in p * q }, { (p: Tensor, q: Tensor) in p * q }),
                ("/", { (p: Double, q: Double) in p / q }, { (p: Tensor, q: Tensor) in p / q }),
            ] {
                let expected = (0..<count).map { flat -> Double in
                    let full = Self.index(flat, in: shape)
                    return operation(x.scalars[Self.position(of: full, in: x.shape)], y.scalars[Self.position(of: full, in: y.shape)])
                }
                let result = apply(x, y)
                #expect(result.shape == shape)
                #expect(Self.sameBits(result.scalars, expected), "\(x.shape) \(name) \(y.shape)")
            }
        }
    }

    @Test func summingToAShapeAddsInRowMajorOrder() async {
        await propertyCheck(count: 400, input: Self.shapes, Gen.int(in: 0...99).array(of: 1...40)) { plan, picks in
            let shape = plan.map { $0 % 4 }
            let target = shape.enumerated().map { axis, size in plan[axis] & 4 != 0 ? 1 : size }
                .dropFirst(plan.first.map { $0 & 32 != 0 ? 1 : 0 } ?? 0)
            let source = Self.tensor(shape, picks)
            // From zeros, adding each element in row-major order; a tensor already of the target shape is itself
            // (no additions, so −0 stays −0).
            var expected = [Double](repeating: 0, count: target.reduce(1, *))
            if shape == Array(target) { expected = source.scalars }
            else { for flat in 0..<source.count {
                expected[Self.position(of: Self.index(flat, in: shape), in: Array(target))] += source.scalars[flat]
            } }
            let result = source.summed(toShape: Array(target))
            #expect(result.shape == Array(target))
            #expect(Self.sameBits(result.scalars, expected), "\(shape) summed to \(Array(target))")
        }
    }

    @Test func mapAndOneInputOperationsAreElementwise() async {
        await propertyCheck(count: 200, input: Self.shapes, Gen.int(in: 0...99).array(of: 1...40)) { plan, picks in
            let shape = plan.map { $0 % 4 }
            let x = Self.tensor(shape, picks), g = Self.tensor(shape, picks.reversed())
            #expect(Self.sameBits(x.map { $0 * 2 - 1 }.scalars, x.scalars.map { $0 * 2 - 1 }))
            let input = Variable(x, requiresGradient: true)
            let output = input.relu()
            #expect(Self.sameBits(output.value.scalars, x.scalars.map { max(0, $0) }))
            let gradient = output.backwardRule?(g) ?? []
            #expect(Self.sameBits(gradient.first?.scalars ?? [], zip(g.scalars, x.scalars).map { $0 * ($1 > 0 ? 1 : 0) }))
            // The other one-pass gradients: the derivative from the value, times g.
            for (name, function, derivative) in [
                ("tanh", { (v: Variable) in v.tanh() }, { (g: Double, x: Double, y: Double) in g * (1 - y * y) }),
                ("sigmoid", { (v: Variable) in v.sigmoid() }, { (g: Double, x: Double, y: Double) in g * (y * (1 - y)) }),
                ("log", { (v: Variable) in v.log() }, { (g: Double, x: Double, y: Double) in g / x }),
            ] {
                let output = function(input)
                if name == "log" { #expect(Self.sameBits(output.value.scalars, x.scalars.map { Foundation.log($0) })) }
                let expected = (0..<x.count).map { derivative(g.scalars[$0], x.scalars[$0], output.value.scalars[$0]) }
                #expect(Self.sameBits(output.backwardRule?(g).first?.scalars ?? [], expected), "\(name)")
            }
        }
    }
}
