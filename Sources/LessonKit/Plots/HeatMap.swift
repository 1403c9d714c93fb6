public import LessonRuntimeProtocol

/// A 2-D density on a grid: shaded cells and contour lines (marching squares), e.g. a posterior p(z1, z2 | x)
/// or a variational approximation drawn over it.
///
/// `grid[row][column]` is the value at y = yRange.lowerBound + row·Δy, x = xRange.lowerBound + column·Δx.
public struct HeatMap: Displayable, Sendable {
    /// The values, `grid[row][column]`, at least 2×2.
    public var grid: [[Double]]
    /// The x range the columns span.
    public var xRange: ClosedRange<Double>
    /// The y range the rows span.
    public var yRange: ClosedRange<Double>
    /// The title above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// Number of contour levels, evenly spaced between the grid's minimum and maximum.
    public var contourLevels: Int
    var overlays: [(x: [Double], y: [Double], label: String)] = []

    /// A heat map of `grid` over the given ranges.
    public init(
        grid: [[Double]], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, title: String,
        xLabel: String = "", yLabel: String = "", contourLevels: Int = 6
    ) {
        precondition(grid.count >= 2 && grid.allSatisfy { $0.count == grid[0].count && $0.count >= 2 },
            "HeatMap needs a rectangular grid of at least 2x2 values")
        self.grid = grid
        self.xRange = xRange
        self.yRange = yRange
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.contourLevels = contourLevels
    }

    /// The heat map with points drawn on top (for example MCMC samples).
    public func points(_ x: [Double], _ y: [Double], label: String) -> HeatMap {
        var copy = self
        copy.overlays.append((x, y, label))
        return copy
    }

    /// The contour segments of `level` in grid coordinates (column, row), by marching squares.
    public func contourSegments(level: Double) -> [((Double, Double), (Double, Double))] {
        var segments: [((Double, Double), (Double, Double))] = []
        for row in 0..<(grid.count - 1) {
            for column in 0..<(grid[0].count - 1) {
                let corners = [grid[row][column], grid[row][column + 1], grid[row + 1][column + 1], grid[row + 1][column]]
                let positions = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
                // Crossing points on the four edges (0-1, 1-2, 2-3, 3-0), where the level lies between the ends.
                var crossings: [(Double, Double)] = []
                for edge in 0..<4 {
                    let a = corners[edge], b = corners[(edge + 1) % 4]
                    guard (a < level) != (b < level) else { continue }
                    let t = (level - a) / (b - a)
                    let (pa, pb) = (positions[edge], positions[(edge + 1) % 4])
                    crossings.append((Double(column) + pa.0 + t * (pb.0 - pa.0), Double(row) + pa.1 + t * (pb.1 - pa.1)))
                }
                if crossings.count == 2 {
                    segments.append((crossings[0], crossings[1]))
                } else if crossings.count == 4 {
                    // Saddle: pair the crossings by the value at the centre.
                    let centre = corners.reduce(0, +) / 4
                    if (centre < level) == (corners[0] < level) {
                        segments.append((crossings[0], crossings[3]))
                        segments.append((crossings[1], crossings[2]))
                    } else {
                        segments.append((crossings[0], crossings[1]))
                        segments.append((crossings[2], crossings[3]))
                    }
                }
            }
        }
        return segments
    }

    /// The figure as an SVG document.
    public var svg: String {
        let rows = grid.count, columns = grid[0].count
        var frame = PlotFrame(
            title: title, xLabel: xLabel, yLabel: yLabel,
            xs: [xRange.lowerBound, xRange.upperBound], ys: [yRange.lowerBound, yRange.upperBound])
        if !overlays.isEmpty { frame.reserveLegend(overlays.map(\.label)) }
        var document = SVGDocument(width: frame.width, height: frame.height)
        let values = grid.flatMap { $0 }.filter(\.isFinite)
        let low = values.min() ?? 0, high = max(values.max() ?? 1, (values.min() ?? 0) + 1e-12)
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
        for row in 0..<rows {
            for column in 0..<columns {
                let shade = (grid[row][column] - low) / (high - low)
                guard shade > 0.01 else { continue }
                let x = xRange.lowerBound + (Double(column) - 0.5) * dx
                let y = yRange.lowerBound + (Double(row) + 0.5) * dy
                let left = frame.x(max(xRange.lowerBound, x)), right = frame.x(min(xRange.upperBound, x + dx))
                let top = frame.y(min(yRange.upperBound, y)), bottom = frame.y(max(yRange.lowerBound, y - dy))
                document.add("<rect class=\"lk-f0\" x=\"\(SVGDocument.number(left))\" y=\"\(SVGDocument.number(top))\" width=\"\(SVGDocument.number(right - left))\" height=\"\(SVGDocument.number(bottom - top))\" fill-opacity=\"\(SVGDocument.number(0.85 * shade))\"/>")
            }
        }
        frame.drawAxes(into: &document)
        for level in 1...max(1, contourLevels) {
            let value = low + (high - low) * Double(level) / Double(contourLevels + 1)
            let path = contourSegments(level: value).map { segment in
                let (a, b) = segment
                return "M\(SVGDocument.number(frame.x(xRange.lowerBound + a.0 * dx))) \(SVGDocument.number(frame.y(yRange.lowerBound + a.1 * dy)))"
                    + "L\(SVGDocument.number(frame.x(xRange.lowerBound + b.0 * dx))) \(SVGDocument.number(frame.y(yRange.lowerBound + b.1 * dy)))"
            }.joined()
            if !path.isEmpty { document.add("<path class=\"lk-contour\" d=\"\(path)\"/>") }
        }
        for (index, overlay) in overlays.enumerated() {
            for (x, y) in zip(overlay.x, overlay.y) where xRange.contains(x) && yRange.contains(y) {
                document.add("<circle class=\"lk-f\((index + 1) % 6)\" cx=\"\(SVGDocument.number(frame.x(x)))\" cy=\"\(SVGDocument.number(frame.y(y)))\" r=\"2\"/>")
            }
        }
        if !overlays.isEmpty {
            frame.drawLegend(overlays.enumerated().map { ($0.offset + 1, $0.element.label) }, into: &document)
        }
        let summary = "\(title). A \(columns) by \(rows) grid over \(xLabel.isEmpty ? "x" : xLabel) from \(SVGDocument.described(xRange.lowerBound)) to "
            + "\(SVGDocument.described(xRange.upperBound)) and \(yLabel.isEmpty ? "y" : yLabel) from \(SVGDocument.described(yRange.lowerBound)) to "
            + "\(SVGDocument.described(yRange.upperBound)), values from \(SVGDocument.described(low)) to \(SVGDocument.described(high))"
            + (overlays.isEmpty ? "" : ", with \(overlays.count) overlaid series") + "."
        return document.rendered(title: title, description: summary)
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
