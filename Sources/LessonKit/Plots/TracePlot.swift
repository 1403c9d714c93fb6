public import LessonRuntimeProtocol

/// MCMC traces: each chain's value against the iteration, one colour per chain.
public struct TracePlot: Displayable, Sendable {
    public var chains: [[Double]]
    public var title: String
    public var yLabel: String

    /// A trace of `chains` (each a sequence of draws of one quantity).
    public init(chains: [[Double]], title: String, yLabel: String = "value") {
        self.chains = chains
        self.title = title
        self.yLabel = yLabel
    }

    public var svg: String {
        var plot = LinePlot(title: title, xLabel: "iteration", yLabel: yLabel)
        for (index, chain) in chains.enumerated() { plot = plot.line(chain, label: "chain \(index + 1)") }
        return plot.svg
    }

    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
