public import LessonRuntimeProtocol

/// Points drawn as their own labels: each point (x[i], y[i]) is the text of `labels[i]` (a digit, say), coloured
/// by its class, so ten classes stay apart without a legend. For example, the codes a VAE's encoder gives test
/// digits, each written as its digit.
///
/// ```swift
/// show(LabelledScatterPlot(x: codes.map { $0[0] }, y: codes.map { $0[1] }, classes: test.labels,
///                          title: "Encoder means of the test digits", xLabel: "z₁", yLabel: "z₂"))
/// ```
public struct LabelledScatterPlot: Displayable, Sendable {
    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates.
    public var y: [Double]
    /// Each point's class, 0...9 for the palette's ten colours (others repeat them); its text is the class number.
    public var classes: [Int]
    /// The title above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String

    /// A plot of the points (x[i], y[i]), each written as `classes[i]`.
    public init(x: [Double], y: [Double], classes: [Int], title: String, xLabel: String = "", yLabel: String = "") {
        precondition(x.count == y.count && y.count == classes.count,
            "LabelledScatterPlot: \(x.count) x values, \(y.count) y values and \(classes.count) classes")
        self.x = x
        self.y = y
        self.classes = classes
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Ten colours with at least 3:1 contrast against light and dark backgrounds.
    static let palette = ["#4e79a7", "#b8620c", "#3d8a37", "#c45a5c", "#9c6a92", "#2b8680", "#a0781e", "#d1477f", "#7a7a7a", "#6a6ad0"]

    /// The SVG document.
    public var svg: String {
        let frame = PlotFrame(title: title, xLabel: xLabel, yLabel: yLabel, xs: x, ys: y)
        var document = SVGDocument(width: frame.width, height: frame.height)
        frame.drawAxes(into: &document)
        let styles = Self.palette.enumerated().map { ".lk-c\($0.offset) { fill: \($0.element); }" }.joined(separator: " ")
        document.add("<style>.lk-point { font-weight: 600; } \(styles)</style>")
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            let colour = ((classes[i] % 10) + 10) % 10
            document.add("<text class=\"lk-point lk-c\(colour)\" x=\"\(SVGDocument.number(frame.x(x[i])))\" y=\"\(SVGDocument.number(frame.y(y[i]) + 3))\" text-anchor=\"middle\">\(classes[i])</text>")
        }
        let counts = Dictionary(grouping: classes, by: { $0 }).sorted { $0.key < $1.key }.map { "\($0.value.count) of class \($0.key)" }
        return document.rendered(title: title, description: "\(title). \(x.count) points, each written as its class: "
            + counts.joined(separator: ", ") + ".")
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
