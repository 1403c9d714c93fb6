public import LessonRuntimeProtocol

/// A histogram of samples, optionally normalised to a density and overlaid with a curve (a true density).
///
/// ```swift
/// show(Histogram(samples, bins: 40, density: true, title: "MH samples").curve(xs, normalPDF, label: "target"))
/// ```
public struct Histogram: Displayable, Sendable {
    /// The title above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// Bin edges, `bins + 1` values.
    public private(set) var edges: [Double]
    /// Height of each bar: counts, or densities when `density` is true.
    public private(set) var heights: [Double]
    var curves: [(x: [Double], y: [Double], label: String)] = []

    /// Bins `values` into `bins` equal bins over `range` (default: the values' range).
    public init(
        _ values: [Double], bins: Int = 30, range: ClosedRange<Double>? = nil, density: Bool = false,
        title: String, xLabel: String = ""
    ) {
        precondition(bins > 0, "Histogram needs at least one bin")
        let finite = values.filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        var high = range?.upperBound ?? finite.max() ?? 1
        if high <= low { high = low + 1 }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { low + Double($0) * width }
        var counts = [Double](repeating: 0, count: bins)
        for value in finite where value >= low && value <= high {
            counts[min(bins - 1, Int((value - low) / width))] += 1
        }
        heights = density ? counts.map { $0 / (Double(max(1, finite.count)) * width) } : counts
        self.title = title
        self.xLabel = xLabel
        self.density = density
    }

    let density: Bool

    /// The histogram with a curve drawn over it (for example the density the samples should follow).
    public func curve(_ x: [Double], _ y: [Double], label: String) -> Histogram {
        var copy = self
        copy.curves.append((x, y, label))
        return copy
    }

    /// The figure as an SVG document.
    public var svg: String {
        var frame = PlotFrame(
            title: title, xLabel: xLabel, yLabel: density ? "density" : "count",
            xs: edges + curves.flatMap(\.x), ys: [0] + heights + curves.flatMap(\.y))
        if !curves.isEmpty { frame.reserveLegend(curves.map(\.label)) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        frame.drawAxes(into: &document)
        for (index, height) in heights.enumerated() where height > 0 {
            let x0 = frame.x(edges[index]), x1 = frame.x(edges[index + 1])
            let y0 = frame.y(height), y1 = frame.y(0)
            document.add("<rect class=\"lk-f0\" x=\"\(SVGDocument.number(x0))\" y=\"\(SVGDocument.number(y0))\" width=\"\(SVGDocument.number(max(0, x1 - x0 - 1)))\" height=\"\(SVGDocument.number(y1 - y0))\" fill-opacity=\"0.55\"/>")
        }
        for (index, curve) in curves.enumerated() {
            document.polyline(zip(curve.x, curve.y).map { (frame.x($0.0), frame.y($0.1)) }, class: "lk-line lk-s\((index + 1) % 6)")
        }
        if !curves.isEmpty {
            frame.drawLegend(curves.enumerated().map { ($0.offset + 1, $0.element.label) }, into: &document)
        }
        let peak = heights.indices.max(by: { heights[$0] < heights[$1] }) ?? 0
        let summary = "\(title). \(heights.count) bins of \(xLabel.isEmpty ? "x" : xLabel) from \(SVGDocument.described(edges.first ?? 0)) to "
            + "\(SVGDocument.described(edges.last ?? 0)), highest around \(SVGDocument.described((edges[peak] + edges[peak + 1]) / 2))"
            + curves.map { "; curve \($0.label)" }.joined() + "."
        return document.rendered(title: title, description: summary)
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
