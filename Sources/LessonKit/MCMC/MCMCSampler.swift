import Foundation

/// A Markov chain Monte Carlo method: from a starting point, `warmUp` iterations (adapting, then discarded)
/// followed by `draws` kept iterations.
public protocol MCMCSampler: Sendable {
    /// One chain of `draws` draws after `warmUp` warm-up iterations, starting at `initial` (length d).
    func chain<G: RandomNumberGenerator>(from initial: [Double], draws: Int, warmUp: Int, using generator: inout G) -> Chain
    /// Whether ``sample(from:draws:warmUp:seed:names:)`` may run chains on several threads (true unless the
    /// sampler calls code that is not safe to run concurrently, such as a tape sharing variables).
    var runsChainsInParallel: Bool { get }
}

extension MCMCSampler {
    /// Chains run in parallel by default.
    public var runsChainsInParallel: Bool { true }
}

extension MCMCSampler {
    /// Several chains, chain i starting at `initials[i]` with its own generator
    /// `SeededGenerator.streams(seed: seed, count: initials.count)[i]`, so results are reproducible. Unless
    /// ``runsChainsInParallel`` is false, the chains run in parallel on the available cores, so log-density
    /// closures must be safe to call concurrently (pure functions of their argument are).
    ///
    /// ```swift
    /// let samples = sampler.sample(from: [[-3, -3], [3, 3], [-3, 3], [3, -3]], draws: 2_000, warmUp: 1_000, seed: 7)
    /// show(samples)                      // mean, sd, ESS, split R-hat per parameter
    /// ```
    public func sample(
        from initials: [[Double]], draws: Int, warmUp: Int, seed: UInt64, names: [String]? = nil
    ) -> MCMCSamples {
        let generators = SeededGenerator.streams(seed: seed, count: initials.count)
        if initials.count == 1 || !runsChainsInParallel {
            var generators = generators
            let chains = initials.indices.map { chain(from: initials[$0], draws: draws, warmUp: warmUp, using: &generators[$0]) }
            return MCMCSamples(chains: chains, names: names)
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
