extension SeededGenerator {
    /// `count` independent generators derived deterministically from one `seed`: SplitMix64(seed) gives one
    /// 64-bit seed per stream, and stream i is `SeededGenerator(seed: thatSeed)`. Used for several MCMC chains,
    /// so chain i draws the same numbers however many other chains run.
    public static func streams(seed: UInt64, count: Int) -> [SeededGenerator] {
        var expander = SplitMix64(seed: seed)
        return (0..<count).map { _ in SeededGenerator(seed: expander.next()) }
    }
}
