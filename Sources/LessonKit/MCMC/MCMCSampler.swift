import Foundation

/// A Markov chain Monte Carlo method: from a starting point, `warmUp` iterations (adapting, then discarded)
/// followed by `draws` kept iterations.
public protocol MCMCSampler: Sendable {
    /// One chain of `draws` draws after `warmUp` warm-up iterations, starting at `initial` (length d).
    func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain
}

extension MCMCSampler {
    /// Several chains, chain i starting at `initials[i]` with its own generator
    /// `SeededGenerator.streams(seed: seed, count: initials.count)[i]`, so results are reproducible. The chains
    /// run in parallel on the available cores; the log-density closures must therefore be safe to call
    /// concurrently (pure functions are).
    ///
    /// ```swift
    /// let samples = sampler.sample(from: [[-3, -3], [3, 3], [-3, 3], [3, -3]], draws: 2_000, warmUp: 1_000, seed: 7)
    /// show(samples)                      // mean, sd, ESS, split R-hat per parameter
    /// ```
    public func sample(
        from initials: [[Double]], draws: Int, warmUp: Int, seed: UInt64, names: [String]? = nil
    ) -> MCMCSamples {
        let generators = SeededGenerator.streams(seed: seed, count: initials.count)
        if initials.count == 1 {
            var generator = generators[0]
            return MCMCSamples(chains: [chain(from: initials[0], draws: draws, warmUp: warmUp, using: &generator)], names: names)
        }
        let results = Mutex([Chain?](repeating: nil, count: initials.count))
        // Chains are independent: run them on all cores. Each has its own generator, so the draws do not
        // depend on scheduling.
        DispatchQueue.concurrentPerform(iterations: initials.count) { index in
            var generator = generators[index]
            let result = chain(from: initials[index], draws: draws, warmUp: warmUp, using: &generator)
            results.withLock { $0[index] = result }
        }
        return MCMCSamples(chains: results.withLock { $0.map { $0! } }, names: names)
    }
}
