public import LessonRuntimeProtocol

/// MCMC traces: each chain's value against the iteration, one colour per chain.
public struct TracePlot: Displayable, Sendable {
    /// One sequence of draws per chain.
    public var chains: [[Double]]
    /// The title above the plot.
    public var title: String
    /// The y axis label (the quantity traced).
    public var yLabel: String

    /// A trace of `chains` (each a sequence of draws of one quantity).
    public init(chains: [[Double]], title: String, yLabel: String = "value") {
        self.chains = chains
        self.title = title
        self.yLabel = yLabel
    }

    /// The figure as an SVG document.
    public var svg: String {
        var plot = LinePlot(title: title, xLabel: "iteration", yLabel: yLabel)
        for (index, chain) in chains.enumerated() { plot = plot.line(chain, label: "chain \(index + 1)") }
        return plot.svg
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
