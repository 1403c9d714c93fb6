import PropertyBased
import Testing

@testable import LessonKit

/// The fused binary cross-entropy and softplus give the same bits as the graph they replace: the value and the
/// gradients of `(logits.softplus() - targets * logits).mean()` built from elementwise nodes, for any logits (large,
/// tiny, zero of either sign) and any targets, also when the targets are themselves learned.
@Suite struct BinaryCrossEntropyTests {
    /// Logits from −800 to 800 (exp underflows past −745), with exact zeros of both signs and tiny magnitudes.
    static let logit = Gen.oneOf(
        Gen.double(in: -800...800), Gen.double(in: -3...3), Gen.double(in: -1e-300...1e-300),
        Gen.always(0.0), Gen.always(-0.0))

    /// The composed graph, node by node, with Special's scalar functions: the reference.
    static func composed(_ logits: Variable, _ targets: Variable) -> Variable {
        let difference = referenceSoftplus(logits) - targets * logits
        return difference.sum() * .constant(1 / Double(logits.value.count))
    }

    /// softplus as one elementwise node with Special's functions (the previous implementation).
    static func referenceSoftplus(_ x: Variable) -> Variable {
        Variable(x.value.map(Special.softplus), inputs: [x]) { g in [g * x.value.map(Special.sigmoid)] }
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

    @Test func softplusHasSpecialsBitsAndGradient() async {
        await propertyCheck(count: 400, input: Self.logit.array(of: 1...40)) { values in
            let x = Variable(Tensor(shape: [values.count], scalars: values), requiresGradient: true)
            let y = x.softplus()
            (y * y).sum().backward()
            let reference = Variable(Tensor(shape: [values.count], scalars: values), requiresGradient: true)
            let expected = Self.referenceSoftplus(reference)
            (expected * expected).sum().backward()
            #expect(Self.bits(y.value) == Self.bits(expected.value))
            #expect(Self.bits(x.gradient) == Self.bits(reference.gradient))
        }
    }
}
