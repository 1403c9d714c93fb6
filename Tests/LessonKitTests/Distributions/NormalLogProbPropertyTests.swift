import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// `Normal.logProb` keeps log σ with σ instead of taking a logarithm per call: it must give exactly the bits of the
/// formula −½ log 2π − log σ − ½ z², also after σ is changed on an existing distribution.
@Suite struct NormalLogProbPropertyTests {
    static func formula(_ x: Double, mean: Double, standardDeviation: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return -0.5 * Foundation.log(2 * Double.pi) - Foundation.log(standardDeviation) - 0.5 * z * z
    }

    @Test func logProbIsTheFormulaBitForBitAfterAnyChangeOfSigma() async {
        let number = Gen.double(in: -50...50)
        let scale = Gen.double(in: -12...6)  // σ = e^scale: from 6e-6 to 400
        await propertyCheck(count: 500, input: number, number, scale, scale) { x, mean, first, second in
            var q = Normal(mean: mean, standardDeviation: Foundation.exp(first))
            #expect(q.logProb(x).bitPattern == Self.formula(x, mean: mean, standardDeviation: Foundation.exp(first)).bitPattern)
            q.standardDeviation = Foundation.exp(second)
            q.mean = x - mean
            #expect(q.logProb(x).bitPattern == Self.formula(x, mean: x - mean, standardDeviation: Foundation.exp(second)).bitPattern)
        }
    }
}
