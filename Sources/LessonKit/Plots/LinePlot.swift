public import LessonRuntimeProtocol

/// Lines through points: loss curves, ELBO per iteration, densities. Several series get a legend.
///
/// ```swift
/// show(LinePlot(title: "Training loss", xLabel: "step", yLabel: "nats").line(losses, label: "train"))
/// ```
public struct LinePlot: Displayable, Sendable {
    struct Series: Sendable {
        var x: [Double]
        var y: [Double]
        var label: String?
        var dashed: Bool
        var markers: Bool
    }

    /// The title above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    var series: [Series] = []

    /// An empty plot with a title and axis labels.
    public init(title: String, xLabel: String = "", yLabel: String = "") {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The plot with one more line through (x[i], y[i]).
    public func line(_ x: [Double], _ y: [Double], label: String? = nil, dashed: Bool = false) -> LinePlot {
        precondition(x.count == y.count, "LinePlot.line: \(x.count) x values but \(y.count) y values")
        var copy = self
        copy.series.append(Series(x: x, y: y, label: label, dashed: dashed, markers: false))
        return copy
    }

    /// The plot with one more line through (i, y[i]), i = 0, 1, ...
    public func line(_ y: [Double], label: String? = nil, dashed: Bool = false) -> LinePlot {
        line(y.indices.map(Double.init), y, label: label, dashed: dashed)
    }

    /// The plot with points (x[i], y[i]) drawn as dots (a scatter series).
    public func points(_ x: [Double], _ y: [Double], label: String? = nil) -> LinePlot {
        precondition(x.count == y.count, "LinePlot.points: \(x.count) x values but \(y.count) y values")
        var copy = self
        copy.series.append(Series(x: x, y: y, label: label, dashed: false, markers: true))
        return copy
    }

    /// The SVG document.
    public var svg: String {
        var frame = PlotFrame(
            title: title, xLabel: xLabel, yLabel: yLabel, xs: series.flatMap(\.x), ys: series.flatMap(\.y))
        let labelled = series.enumerated().compactMap { index, item in item.label.map { (index, $0) } }
        if labelled.count > 0 && series.count > 1 { frame.reserveLegend(labelled.map(\.1)) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        frame.drawAxes(into: &document)
        for (index, item) in series.enumerated() {
            let points = zip(item.x, item.y).filter { $0.0.isFinite && $0.1.isFinite }.map { (frame.x($0.0), frame.y($0.1)) }
            if item.markers {
                for point in points {
                    document.add("<circle class=\"lk-f\(index % 6)\" cx=\"\(SVGDocument.number(point.0))\" cy=\"\(SVGDocument.number(point.1))\" r=\"2.5\" fill-opacity=\"0.7\"/>")
                }
            } else {
                document.polyline(points, class: "lk-line lk-s\(index % 6)" + (item.dashed ? " lk-dashed" : ""))
            }
        }
        if labelled.count > 0 && series.count > 1 {
            frame.drawLegend(labelled, dashed: Set(series.indices.filter { series[$0].dashed }), into: &document)
        }
        return document.rendered(title: title, description: description)
    }

    /// The plot in words: each series, its x range and its last value (lines) or its number of points (dots).
    var description: String {
        let parts = series.enumerated().map { index, item -> String in
            let name = item.label ?? "series \(index + 1)"
            let finite = zip(item.x, item.y).filter { $0.0.isFinite && $0.1.isFinite }
            guard let first = finite.first, let last = finite.last else { return "\(name): no finite points" }
            if item.markers { return "\(name): \(finite.count) points" }
            return "\(name): \(finite.count) points from \(xLabel.isEmpty ? "x" : xLabel) = \(SVGDocument.described(first.0)) to "
                + "\(SVGDocument.described(last.0)), ending at \(SVGDocument.described(last.1))"
        }
        return "\(title). " + parts.joined(separator: "; ") + "."
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}

/// A scatter plot: points (x[i], y[i]), several labelled groups.
public typealias ScatterPlot = LinePlot
