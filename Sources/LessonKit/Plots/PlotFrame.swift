/// The axes of a 2-D plot: data ranges mapped onto a fixed-size SVG, with ticks, grid, labels and a title.
struct PlotFrame {
    var title: String
    var xLabel: String
    var yLabel: String
    var width = 480.0
    var height = 300.0
    let left = 58.0, right = 16.0, bottom = 44.0
    /// Room for the title, and for a row of legend entries when there is a legend.
    var top = 30.0
    var xTicks: [Double]
    var yTicks: [Double]

    init(title: String, xLabel: String, yLabel: String, xs: [Double], ys: [Double], width: Double = 480, height: Double = 300) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
        let finiteX = xs.filter(\.isFinite)
        let finiteY = ys.filter(\.isFinite)
        xTicks = NiceTicks.ticks(low: finiteX.min() ?? 0, high: finiteX.max() ?? 1)
        yTicks = NiceTicks.ticks(low: finiteY.min() ?? 0, high: finiteY.max() ?? 1)
        if xTicks.count < 2 { xTicks = [xTicks[0] - 1, xTicks[0] + 1] }
        if yTicks.count < 2 { yTicks = [yTicks[0] - 1, yTicks[0] + 1] }
    }

    var xRange: (Double, Double) { (xTicks.first!, xTicks.last!) }
    var yRange: (Double, Double) { (yTicks.first!, yTicks.last!) }

    func x(_ value: Double) -> Double {
        left + (value - xRange.0) / (xRange.1 - xRange.0) * (width - left - right)
    }

    func y(_ value: Double) -> Double {
        height - bottom - (value - yRange.0) / (yRange.1 - yRange.0) * (height - top - bottom)
    }

    /// Grid, axes, tick labels, axis labels and the title.
    func drawAxes(into svg: inout SVGDocument) {
        for tick in xTicks {
            svg.line(x(tick), top, x(tick), height - bottom, class: "lk-grid")
            svg.text(NumberFormatting.format(tick, significantDigits: 4), x: x(tick), y: height - bottom + 16)
        }
        for tick in yTicks {
            svg.line(left, y(tick), width - right, y(tick), class: "lk-grid")
            svg.text(NumberFormatting.format(tick, significantDigits: 4), x: left - 6, y: y(tick) + 4, anchor: "end")
        }
        svg.line(left, height - bottom, width - right, height - bottom, class: "lk-axis")
        svg.line(left, top, left, height - bottom, class: "lk-axis")
        svg.text(xLabel, x: (left + width - right) / 2, y: height - 8)
        svg.text(yLabel, x: 14, y: (top + height - bottom) / 2, rotate: true)
        svg.text(title, x: width / 2, y: 18, class: "lk-title")
    }

    /// Makes room above the plot area for the legend of `labels`, in as many rows as it needs (call before
    /// drawing anything).
    mutating func reserveLegend(_ labels: [String]) {
        let rows = Set(legendPlaces(labels).map(\.y)).count
        top = 30 + 20 * Double(max(rows, 1))
    }

    /// Where each legend entry goes: rows under the title, an entry moving to the next row when it would pass the
    /// right edge. Widths allow for text up to 15.5 px a character em (the site enlarges figure text on phones).
    func legendPlaces(_ labels: [String]) -> [(x: Double, y: Double)] {
        var places: [(x: Double, y: Double)] = []
        var x = left, y = 40.0
        for label in labels {
            let width = 24 + Double(label.count) * 8.5
            if x > left && x + width > self.width - right {
                x = left
                y += 20
            }
            places.append((x, y))
            x += width + 18
        }
        return places
    }

    /// A legend in rows under the title, so it never covers the data; a dashed series gets a dashed swatch.
    func drawLegend(_ labels: [(index: Int, label: String)], dashed: Set<Int> = [], into svg: inout SVGDocument) {
        for (entry, place) in zip(labels, legendPlaces(labels.map(\.label))) {
            svg.line(place.x, place.y - 4, place.x + 18, place.y - 4,
                class: "lk-line lk-s\(entry.index % 6)" + (dashed.contains(entry.index) ? " lk-dashed" : ""))
            svg.text(entry.label, x: place.x + 24, y: place.y, anchor: "start")
        }
    }
}
