import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// ``VectorMath`` gives libm's results to within a few ulp, element by element, for arrays of every length (the
/// vector loop's tail included), for special values (NaN, ±∞, ±0, subnormals, overflow and underflow), and takes the
/// vector path on a processor that has AVX2 and FMA.
@Suite struct VectorMathTests {
    /// Ordinary values, values past exp's overflow (709.78) and underflow (−745.13), tiny ones, and special ones.
    static let value = Gen.oneOf(
        Gen.double(in: -50...50), Gen.double(in: -800...800), Gen.double(in: -1e-300...1e-300),
        Gen.double(in: -1...1),
        Gen.oneOf(Gen.always(0.0), Gen.always(-0.0), Gen.always(Double.infinity), Gen.always(-Double.infinity),
            Gen.always(Double.nan), Gen.always(Double.leastNonzeroMagnitude), Gen.always(709.78), Gen.always(-745.2),
            Gen.always(-1.0), Gen.always(-1.0 + 1e-16), Gen.always(Double.greatestFiniteMagnitude)))

    /// Distance in representable doubles (0 for equal values, and for two NaNs); .max across signs of nonzeros.
    static func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .max }
        if a == b { return a.sign == b.sign || a != 0 ? 0 : .max }
        guard a.sign == b.sign else { return .max }
        let (x, y) = (a.magnitude.bitPattern, b.magnitude.bitPattern)
        return x > y ? x - y : y - x
    }

    static func expectClose(_ name: String, _ vector: [Double], _ scalar: [Double], _ input: [Double]) {
        #expect(vector.count == scalar.count)
        for (i, (v, s)) in zip(vector, scalar).enumerated() {
            #expect(ulps(v, s) <= 4, "\(name)(\(input[i])) = \(v), libm: \(s)")
        }
    }

    @Test func expLog1pAndTanhAreLibmsWithinFourUlp() async {
        await propertyCheck(count: 300, input: Self.value.array(of: 0...19)) { values in
            Self.expectClose("exp", VectorMath.exp(values), values.map(Foundation.exp), values)
            let shifted = values.map { $0.isFinite ? Swift.abs($0) - 1 : $0 }  // log1p's domain starts at −1
            Self.expectClose("log1p", VectorMath.log1p(shifted), shifted.map(Foundation.log1p), shifted)
            Self.expectClose("tanh", VectorMath.tanh(values), values.map(Foundation.tanh), values)
        }
    }

    @Test func everyLengthIsComputedWhole() {
        for length in 0...13 {
            let values = (0..<length).map { Double($0) / 3 - 2 }
            Self.expectClose("exp", VectorMath.exp(values), values.map(Foundation.exp), values)
        }
    }

    @Test func theVectorPathIsTakenWhereTheProcessorHasIt() throws {
        #if arch(x86_64) && os(Linux)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? [])
        #expect(VectorMath.isVectorised == (flags.contains("avx2") && flags.contains("fma")))
        #else
        #expect(!VectorMath.isVectorised)
        #endif
    }
}
