import Foundation

/// A test signal for WaveNet: a sum of sine tones plus Gaussian noise, sampled at `sampleRate`.
public struct SyntheticWaveform: Sendable {
    /// One tone: frequency in Hz and amplitude.
    public struct Tone: Sendable {
        /// Cycles per second.
        public var frequency: Double
        /// Peak value of the tone.
        public var amplitude: Double
        /// A tone of `frequency` Hz with peak `amplitude`.
        public init(frequency: Double, amplitude: Double) { (self.frequency, self.amplitude) = (frequency, amplitude) }
    }

    /// The tones summed into the waveform.
    public var tones: [Tone]
    /// Standard deviation of the added noise.
    public var noise: Double
    /// Samples per second.
    public var sampleRate: Double

    /// A signal of `tones` plus noise of standard deviation `noise`.
    public init(tones: [Tone], noise: Double = 0.02, sampleRate: Double = 8_000) {
        (self.tones, self.noise, self.sampleRate) = (tones, noise, sampleRate)
    }

    /// `count` samples x_t = Σ a sin(2π f t / rate) + ε_t, clipped to [−1, 1].
    public func samples<G: RandomNumberGenerator>(count: Int, using generator: inout G) -> [Double] {
        (0..<count).map { t in
            let clean = tones.reduce(0.0) { $0 + $1.amplitude * sin(2 * Double.pi * $1.frequency * Double(t) / sampleRate) }
            return min(1, max(-1, clean + noise * generator.gaussian()))
        }
    }
}
