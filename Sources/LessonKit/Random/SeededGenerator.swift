/// The lessons' random number generator: xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64.
///
/// Deterministic and identical on every machine. `SeededGenerator()` uses the lesson's seed (front matter
/// `seed`, or one derived from the lesson's file name), so a lesson's outputs are the same on every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator seeded with `seed`.
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// A generator seeded with the running lesson's seed.
    public init() { self.init(seed: LessonRuntime.seed) }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension SeededGenerator {
    /// The generator's four words of state (what ``TrainingCache`` stores and puts back).
    var state: [UInt64] { [s0, s1, s2, s3] }

    /// A generator in `state` (four words, as ``state`` gave them).
    init(state: [UInt64]) {
        precondition(state.count == 4, "SeededGenerator(state:): four words")
        s0 = state[0]
        s1 = state[1]
        s2 = state[2]
        s3 = state[3]
    }
}
