import Foundation

/// WaveNet (van den Oord et al. 2016) for a 1-D signal quantised to μ-law classes: a stack of dilated causal
/// convolutions with gated activations and residual and skip connections, predicting a categorical
/// distribution over the next sample's class.
///
/// - input: the previous samples' amplitudes (decoded classes), [n, 1, T];
/// - a causal convolution (kernel 2) to `residualChannels`;
/// - per layer l with dilation d_l: z = tanh(W_f ⋆_d x) ⊙ σ(W_g ⋆_d x); skip_l = 1×1(z); x ← x + 1×1(z);
/// - output: ReLU(Σ skip_l) → 1×1 → ReLU → 1×1 → `classes` logits per time step, [n, classes, T].
/// The logits at time t depend on inputs at t, t − 1, …, t − R + 1 only, R = ``receptiveField``.
public final class WaveNet {
    /// One dilated layer.
    struct Layer {
        let filter: Parameter, gate: Parameter, residual: Parameter, skip: Parameter
        let dilation: Int
    }

    /// Dilations of the layers, e.g. 1, 2, 4, …, 512.
    public let dilations: [Int]
    /// Kernel size of the dilated convolutions (2 in the paper).
    public let kernelSize: Int
    /// Number of classes of the output distribution (256 for 8-bit μ-law).
    public let classes: Int
    let causal: Parameter, layers: [Layer], hiddenOutput: Parameter, output: Parameter, outputBias: Parameter

    /// A WaveNet with the given dilations, `residualChannels` channels in the stack and `skipChannels` in the
    /// skip path. Kernels start as N(0, 1/fan-in).
    public init<G: RandomNumberGenerator>(
        dilations: [Int], kernelSize: Int = 2, residualChannels: Int = 16, skipChannels: Int = 32, classes: Int = 256,
        using generator: inout G
    ) {
        (self.dilations, self.kernelSize, self.classes) = (dilations, kernelSize, classes)
        func kernel(_ out: Int, _ input: Int, _ size: Int) -> Parameter {
            Parameter(Tensor(randomNormal: [out, input, size], standardDeviation: (1 / Double(input * size)).squareRoot(), using: &generator))
        }
        causal = kernel(residualChannels, 1, kernelSize)
        layers = dilations.map { dilation in
            Layer(filter: kernel(residualChannels, residualChannels, kernelSize), gate: kernel(residualChannels, residualChannels, kernelSize),
                residual: kernel(residualChannels, residualChannels, 1), skip: kernel(skipChannels, residualChannels, 1),
                dilation: dilation)
        }
        hiddenOutput = kernel(skipChannels, skipChannels, 1)
        output = kernel(classes, skipChannels, 1)
        outputBias = Parameter(Tensor(repeating: 0, shape: [classes, 1]))
    }

    /// Everything the optimizer updates.
    public var parameters: [Parameter] {
        [causal] + layers.flatMap { [$0.filter, $0.gate, $0.residual, $0.skip] } + [hiddenOutput, output, outputBias]
    }

    /// R = 1 + (k − 1)·(1 + Σ_l d_l): the number of past inputs (including the current one) that an output sees;
    /// the initial causal convolution adds k − 1. With k = 2 and d = 1, 2, …, 512 the stack alone gives 1024.
    public var receptiveField: Int { WaveNet.receptiveField(kernelSize: kernelSize, dilations: [1] + dilations) }

    /// 1 + Σ_l (k − 1)·d_l: the receptive field of a stack of causal convolutions with kernel k.
    public static func receptiveField(kernelSize: Int, dilations: [Int]) -> Int {
        1 + dilations.reduce(0) { $0 + (kernelSize - 1) * $1 }
    }

    /// Logits [n, classes, T] for inputs [n, 1, T] (amplitudes in [−1, 1]).
    public func logits(_ input: Variable) -> Variable {
        var x = input.causalConvolution1D(kernel: causal.variable())
        var skips: Variable?
        for layer in layers {
            let z = x.causalConvolution1D(kernel: layer.filter.variable(), dilation: layer.dilation).tanh()
                * x.causalConvolution1D(kernel: layer.gate.variable(), dilation: layer.dilation).sigmoid()
            let skip = z.causalConvolution1D(kernel: layer.skip.variable())
            skips = skips.map { $0 + skip } ?? skip
            x = x + z.causalConvolution1D(kernel: layer.residual.variable())
        }
        let hidden = skips!.relu().causalConvolution1D(kernel: hiddenOutput.variable()).relu()
        return hidden.causalConvolution1D(kernel: output.variable()) + outputBias.variable()
    }

    /// Mean cross-entropy (nats per sample) of predicting each next class of `sequences` (rows of classes, all
    /// the same length T + 1) from the amplitudes before it.
    public func loss(_ sequences: [[Int]], companding: MuLaw) -> Variable {
        let n = sequences.count, steps = sequences[0].count - 1
        let inputs = Tensor(shape: [n, 1, steps], scalars: sequences.flatMap { $0.dropLast().map(companding.decode) })
        var targets = Tensor(repeating: 0, shape: [n * steps, classes])
        for (row, sequence) in sequences.enumerated() {
            for t in 0..<steps { targets.scalars[(row * steps + t) * classes + sequence[t + 1]] = 1 }
        }
        let perStep = logits(Variable(inputs)).transposedLastAxes().reshaped([n * steps, classes])
        return crossEntropy(logits: perStep, oneHotTargets: Variable(targets))
    }

    /// Generates `count` classes after `context` (at least one class), one sample at a time: each step runs the
    /// network on the last R inputs and samples the next class from the softmax at the last position.
    public func generate<G: RandomNumberGenerator>(
        count: Int, after context: [Int], companding: MuLaw, using generator: inout G
    ) -> [Int] {
        var sequence = context
        for _ in 0..<count {
            let window = sequence.suffix(receptiveField)
            let input = Tensor(shape: [1, 1, window.count], scalars: window.map(companding.decode))
            let all = logits(Variable(input)).value
            let last = (0..<classes).map { all.scalars[$0 * window.count + window.count - 1] }
            let normaliser = Special.logSumExp(last)
            var u = generator.uniform(), next = classes - 1
            for (k, logit) in last.enumerated() {
                u -= Foundation.exp(logit - normaliser)
                if u < 0 { next = k; break }
            }
            sequence.append(next)
        }
        return Array(sequence.dropFirst(context.count))
    }
}
