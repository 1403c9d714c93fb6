import Foundation
import LessonKit
import Testing

@Suite struct WaveNetTests {
    @Test func muLawRoundTripIsWithinHalfAStep() {
        let companding = MuLaw()
        for level in 0..<256 { #expect(companding.encode(companding.decode(level)) == level) }
        for x in stride(from: -1.0, through: 1.0, by: 0.001) {
            let level = companding.encode(x)
            #expect((0..<256).contains(level))
            // Round trip error is at most half a step in the companded domain.
            #expect(abs(companding.compress(companding.decode(level)) - companding.compress(x)) <= 1 / 255 + 1e-12)
        }
        #expect(companding.encode(0) == 128 && companding.encode(-1) == 0 && companding.encode(1) == 255)
        // Finer steps near zero than near full scale.
        #expect(companding.decode(129) - companding.decode(128) < companding.decode(255) - companding.decode(254))
    }

    @Test func receptiveFieldOfKernelTwoWithDilationsUpTo512Is1024() {
        let dilations = (0..<10).map { 1 << $0 }
        #expect(WaveNet.receptiveField(kernelSize: 2, dilations: dilations) == 1024)
        #expect(WaveNet.receptiveField(kernelSize: 3, dilations: [1, 2, 4]) == 15)
        var generator = SeededGenerator(seed: 1)
        #expect(WaveNet(dilations: [1, 2, 4], residualChannels: 2, skipChannels: 2, classes: 4, using: &generator).receptiveField == 9)
    }

    @Test func outputsAreCausalAndSeeExactlyTheReceptiveField() {
        var generator = SeededGenerator(seed: 2)
        let model = WaveNet(dilations: [1, 2, 4], residualChannels: 3, skipChannels: 4, classes: 5, using: &generator)
        let steps = 20, t = 15
        let input = Variable(Tensor(shape: [1, 1, steps], scalars: (0..<steps).map { _ in generator.uniform() * 2 - 1 }),
            requiresGradient: true)
        var selector = Tensor(repeating: 0, shape: [1, 5, steps])
        for k in 0..<5 { selector.scalars[k * steps + t] = Double(k + 1) }
        (model.logits(input) * Variable(selector)).sum().backward()
        let seen = input.gradient!.scalars.enumerated().filter { abs($0.element) > 1e-12 }.map(\.offset)
        #expect(seen == Array((t - model.receptiveField + 1)...t))
    }

    @Test func trainingLowersTheLossOnATone() {
        var generator = SeededGenerator(seed: 3)
        let companding = MuLaw(levels: 32)
        let signal = SyntheticWaveform(tones: [.init(frequency: 440, amplitude: 0.6)], noise: 0.01)
            .samples(count: 2000, using: &generator).map(companding.encode)
        let model = WaveNet(dilations: [1, 2, 4, 8], residualChannels: 8, skipChannels: 8, classes: 32, using: &generator)
        var adam = Adam(model.parameters, learningRate: 1e-2)
        let batch = (0..<4).map { Array(signal[($0 * 400)..<($0 * 400 + 257)]) }
        let before = model.loss(batch, companding: companding).value.scalar
        for _ in 0..<60 {
            model.loss(batch, companding: companding).backward()
            adam.step()
        }
        let after = model.loss(batch, companding: companding).value.scalar
        #expect(before > 3 && after < before - 1, "loss \(before) → \(after) nats per sample")
        let generated = model.generate(count: 10, after: Array(signal.prefix(32)), companding: companding, using: &generator)
        #expect(generated.count == 10 && generated.allSatisfy { (0..<32).contains($0) })
    }
}
