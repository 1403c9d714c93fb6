/// A Markov chain Monte Carlo method: from a starting point, `warmUp` iterations (adapting, then discarded)
/// followed by `draws` kept iterations.
public protocol MCMCSampler: Sendable {
    /// One chain of `draws` draws after `warmUp` warm-up iterations, starting at `initial` (length d).
    func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain
}

extension MCMCSampler {
    /// Several chains, chain i starting at `initials[i]` with its own generator
    /// `SeededGenerator.streams(seed: seed, count: initials.count)[i]`, so results are reproducible.
    ///
    /// ```swift
    /// let samples = sampler.sample(from: [[-3, -3], [3, 3], [-3, 3], [3, -3]], draws: 2_000, warmUp: 1_000, seed: 7)
    /// show(samples)                      // mean, sd, ESS, split R-hat per parameter
    /// ```
    public func sample(
        from initials: [[Double]], draws: Int, warmUp: Int, seed: UInt64, names: [String]? = nil
    ) -> MCMCSamples {
        var generators = SeededGenerator.streams(seed: seed, count: initials.count)
        let chains = initials.indices.map { chain(from: initials[$0], draws: draws, warmUp: warmUp, using: &generators[$0]) }
        return MCMCSamples(chains: chains, names: names)
    }
}
