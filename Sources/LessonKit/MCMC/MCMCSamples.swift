public import LessonRuntimeProtocol

/// The draws of several chains of one sampler, with per-parameter summaries and diagnostics.
///
/// `show(samples)` shows the summary table (mean, sd, Monte Carlo standard error, ESS, split R̂, acceptance);
/// `show(samples.tracePlot(0))` shows the traces of parameter 0, one colour per chain.
public struct MCMCSamples: Displayable, Sendable {
    /// The chains, all with the same number of draws and dimension.
    public var chains: [Chain]
    /// One name per parameter ("x[0]", "x[1]", … by default).
    public var names: [String]

    /// Samples from `chains`; `names` defaults to x[0], x[1], ….
    public init(chains: [Chain], names: [String]? = nil) {
        precondition(!chains.isEmpty, "MCMCSamples: no chains")
        let dimension = chains[0].dimension
        precondition(chains.allSatisfy { $0.count == chains[0].count && $0.dimension == dimension },
            "MCMCSamples: chains must have the same length and dimension")
        self.chains = chains
        self.names = names ?? (0..<dimension).map { "x[\($0)]" }
        precondition(self.names.count == dimension, "MCMCSamples: \(self.names.count) names for \(dimension) parameters")
    }

    /// Number of parameters d.
    public var dimension: Int { chains[0].dimension }
    /// Total number of kept draws, M·N.
    public var count: Int { chains.count * chains[0].count }

    /// Parameter j's draws per chain, [M][N].
    public func values(_ parameter: Int) -> [[Double]] { chains.map { $0.values(parameter) } }
    /// Parameter j's draws of all chains, concatenated (length M·N).
    public func pooled(_ parameter: Int) -> [Double] { chains.flatMap { $0.values(parameter) } }

    /// The posterior mean estimate (1/MN) Σ xⱼ.
    public func mean(_ parameter: Int) -> Double {
        let all = pooled(parameter)
        return all.reduce(0, +) / Double(all.count)
    }

    /// The sample variance of the pooled draws (denominator MN − 1).
    public func variance(_ parameter: Int) -> Double {
        let all = pooled(parameter)
        let m = all.reduce(0, +) / Double(all.count)
        return all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count - 1)
    }

    /// ESS across chains (``MCMCDiagnostics/effectiveSampleSize(_:)-([[Double]])``).
    public func effectiveSampleSize(_ parameter: Int) -> Double { MCMCDiagnostics.effectiveSampleSize(values(parameter)) }

    /// Split R̂ across chains (``MCMCDiagnostics/splitRHat(_:)``).
    public func splitRHat(_ parameter: Int) -> Double { MCMCDiagnostics.splitRHat(values(parameter)) }

    /// Monte Carlo standard error of the mean, √(variance / ESS).
    public func monteCarloStandardError(_ parameter: Int) -> Double {
        (variance(parameter) / effectiveSampleSize(parameter)).squareRoot()
    }

    /// Each chain's acceptance rate after warm-up.
    public var acceptanceRates: [Double] { chains.map(\.acceptanceRate) }

    /// One row per parameter: name, mean, sd, MCSE, ESS, split R̂, and the mean acceptance rate over chains.
    public var summary: Table {
        let acceptance = acceptanceRates.reduce(0, +) / Double(chains.count)
        let rows: [[Any]] = (0..<dimension).map { j in
            [names[j], mean(j), variance(j).squareRoot(), monteCarloStandardError(j),
             effectiveSampleSize(j).rounded(), splitRHat(j), acceptance]
        }
        return Table(["parameter", "mean", "sd", "MCSE", "ESS", "split R̂", "acceptance"], rows: rows)
    }

    /// Traces of parameter j, one line per chain.
    public func tracePlot(_ parameter: Int, title: String? = nil) -> TracePlot {
        TracePlot(chains: values(parameter), title: title ?? "Trace of \(names[parameter])", yLabel: names[parameter])
    }

    /// The summary table, so `show(samples)` shows it.
    public var displayRecord: DisplayRecord { summary.displayRecord }
}
