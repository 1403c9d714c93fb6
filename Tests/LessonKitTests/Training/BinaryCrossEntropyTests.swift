import Foundation
import PropertyBased
import Testing

@testable import LessonKit

/// The fused binary cross-entropy gives the same bits as the graph it replaces: the value and the gradients of
/// `(logits.softplus() - targets * logits).mean()` built from elementwise nodes, for any logits (large, tiny, zero of
/// either sign) and any targets, also when the targets are themselves learned. And softplus, computed over whole arrays
/// with ``VectorMath``, is within a few ulp of ``Special/softplus(_:)`` and its derivative of ``Special/sigmoid(_:)``.
@Suite struct BinaryCrossEntropyTests {
    /// Logits from −800 to 800 (exp underflows past −745), with exact zeros of both signs and tiny magnitudes.
    static let logit = Gen.oneOf(
        Gen.double(in: -800...800), Gen.double(in: -3...3), Gen.double(in: -1e-300...1e-300),
        Gen.always(0.0), Gen.always(-0.0))

    /// The composed graph, node by node: the reference.
    static func composed(_ logits: Variable, _ targets: Variable) -> Variable {
        let difference = logits.softplus() - targets * logits
        return difference.sum() * .constant(1 / Double(logits.value.count))
    }

    static func bits(_ tensor: Tensor?) -> [UInt64] { tensor?.scalars.map(\.bitPattern) ?? [] }

    @Test func theFusedLossHasTheComposedGraphsBits() async {
        await propertyCheck(count: 400, input: Self.logit.array(of: 1...40), Gen.int(in: 0...1).array(of: 40), Gen.double(in: 0.1...100)) {
            logits, bits01, scale in
            let shape = [logits.count]
            let targetsValue = Tensor(shape: shape, scalars: logits.indices.map { Double(bits01[$0]) })
            for learnedTargets in [false, true] {
                let fusedLogits = Variable(Tensor(shape: shape, scalars: logits), requiresGradient: true)
                let fusedTargets = Variable(targetsValue, requiresGradient: learnedTargets)
                let fused = binaryCrossEntropy(logits: fusedLogits, targets: fusedTargets) * .constant(scale)
                fused.backward()
                let referenceLogits = Variable(Tensor(shape: shape, scalars: logits), requiresGradient: true)
                let referenceTargets = Variable(targetsValue, requiresGradient: learnedTargets)
                let reference = Self.composed(referenceLogits, referenceTargets) * .constant(scale)
                reference.backward()
                #expect(Self.bits(fused.value) == Self.bits(reference.value), "value: \(fused.value) vs \(reference.value)")
                #expect(Self.bits(fusedLogits.gradient) == Self.bits(referenceLogits.gradient))
                if learnedTargets { #expect(Self.bits(fusedTargets.gradient) == Self.bits(referenceTargets.gradient)) }
            }
        }
    }

    /// |a − b| within `ulps` units in the last place of the larger, or both zero.
    static func close(_ a: Double, _ b: Double, ulps: Double) -> Bool {
        a == b || Swift.abs(a - b) <= ulps * max(Swift.abs(a), Swift.abs(b)).ulp
    }

    @Test func softplusIsSpecialsWithinAFewUlp() async {
        await propertyCheck(count: 400, input: Self.logit.array(of: 1...40)) { values in
            let x = Variable(Tensor(shape: [values.count], scalars: values), requiresGradient: true)
            let y = x.softplus()
            y.sum().backward()
            for (i, value) in values.enumerated() {
                // e^−|x| within 4 ulp, so log1p of it within about 4 ulp too, and σ within a few.
                #expect(Self.close(y.value.scalars[i], Special.softplus(value), ulps: 8),
                    "softplus(\(value)) = \(y.value.scalars[i]), Special: \(Special.softplus(value))")
                #expect(Self.close(x.gradient!.scalars[i], Special.sigmoid(value), ulps: 8),
                    "σ(\(value)) = \(x.gradient!.scalars[i]), Special: \(Special.sigmoid(value))")
            }
        }
    }

    @Test func sigmoidAndTanhAreSpecialsAndLibmsWithinAFewUlp() async {
        await propertyCheck(count: 400, input: Self.logit.array(of: 1...40)) { values in
            let x = Variable(Tensor(shape: [values.count], scalars: values))
            let sigmoid = x.sigmoid().value.scalars, tanh = x.tanh().value.scalars, exp = x.exp().value.scalars
            for (i, value) in values.enumerated() {
                #expect(Self.close(sigmoid[i], Special.sigmoid(value), ulps: 8), "σ(\(value))")
                #expect(Self.close(tanh[i], Foundation.tanh(value), ulps: 4), "tanh(\(value))")
                #expect(Self.close(exp[i], Foundation.exp(value), ulps: 4) || (exp[i] == 0 && Foundation.exp(value) < 1e-300),
                    "exp(\(value))")
            }
        }
    }
}
