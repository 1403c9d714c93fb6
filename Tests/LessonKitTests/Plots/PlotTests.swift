import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LessonKit
import Testing

@Suite struct PlotTests {
    /// A dashed series has a dashed swatch in the legend, a solid one a solid swatch (issue 26).
    @Test func legendSwatchesAreDashedLikeTheirSeries() {
        let svg = LinePlot(title: "t").line([0, 1], [0, 1], label: "solid").line([0, 1], [1, 0], label: "dashed", dashed: true).svg
        let lines = svg.components(separatedBy: "<line ").dropFirst().map { "<line " + $0.prefix { $0 != ">" } }
        let swatches = lines.filter { $0.contains("lk-line") }
        #expect(swatches.count == 2, "\(lines)")
        #expect(swatches.first { $0.contains("lk-s0") }.map { !$0.contains("lk-dashed") } == true, "\(swatches)")
        #expect(swatches.first { $0.contains("lk-s1") }.map { $0.contains("lk-dashed") } == true, "\(swatches)")
    }

    /// Whether `svg` is well-formed XML.
    func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    func allPlots() -> [String] {
        let xs = (0..<50).map { Double($0) / 10 }
        var grid: [[Double]] = []
        for row in 0..<21 {
            var values: [Double] = []
            for column in 0..<21 {
                let dx = Double(column - 10) / 4
                let dy = Double(row - 10) / 4
                values.append(exp(-(dx * dx + dy * dy) / 2))
            }
            grid.append(values)
        }
        return [
            LinePlot(title: "sin & cos <test>", xLabel: "x", yLabel: "y").line(xs, xs.map(sin), label: "sin")
                .line(xs, xs.map(cos), label: "cos", dashed: true).svg,
            ScatterPlot(title: "points").points(xs, xs.map { $0 * $0 }, label: "square").svg,
            Histogram(xs.map { sin($0 * 7) }, bins: 10, density: true, title: "histogram").curve([-1, 0, 1], [0.2, 0.5, 0.2], label: "curve").svg,
            TracePlot(chains: [xs, xs.reversed()], title: "trace").svg,
            ImageGrid(images: [[Double](repeating: 0.5, count: 64), (0..<64).map { Double($0 % 2) }], columns: 2, title: "digits").svg,
            HeatMap(grid: grid, xRange: -2.5...2.5, yRange: -2.5...2.5, title: "bump").points([0], [0], label: "mode").svg,
        ]
    }

    @Test func plotsAreWellFormedAndByteStable() {
        let first = allPlots()
        #expect(first == allPlots())
        for svg in first {
            #expect(isWellFormed(svg), "\(svg.prefix(200))")
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title>"))
            #expect(!svg.contains("#000") && !svg.contains("black"), "colours follow the page (currentColor)")
        }
        #expect(first[0].contains("sin &amp; cos &lt;test&gt;"))
    }

    @Test(arguments: [(0.0, 1.0), (-3.2, 17.9), (0.001, 0.0047), (100.0, 100.0), (-5.0, -1.0)])
    func ticksAreNiceAndCoverTheRange(low: Double, high: Double) {
        let ticks = NiceTicks.ticks(low: low, high: high)
        #expect(ticks.first! <= low && ticks.last! >= high)
        if ticks.count > 1 {
            let step = ticks[1] - ticks[0]
            let mantissa = step / pow(10, floor(log10(step)))
            #expect([1.0, 2.0, 5.0, 10.0].contains { abs($0 - mantissa) < 1e-9 }, "step \(step)")
            #expect(ticks.count <= 12)
        }
    }

    @Test func contoursOfABumpAreCirclesAroundItsCentre() {
        // f(x, y) = exp(-(x² + y²) / 2) on a grid with spacing 0.25; the level exp(-1/2) is the unit circle.
        var grid: [[Double]] = []
        for row in 0..<41 {
            grid.append((0..<41).map { column -> Double in
                let x = Double(column - 20) * 0.25
                let y = Double(row - 20) * 0.25
                return exp(-(x * x + y * y) / 2)
            })
        }
        let map = HeatMap(grid: grid, xRange: -5...5, yRange: -5...5, title: "bump")
        let segments = map.contourSegments(level: exp(-0.5))
        #expect(segments.count > 20)
        for (a, b) in segments {
            for point in [a, b] {
                let x = (point.0 - 20) * 0.25
                let y = (point.1 - 20) * 0.25
                let radius = (x * x + y * y).squareRoot()
                #expect(abs(radius - 1) < 0.03, "contour point at radius \(radius)")
            }
        }
    }

    @Test func imageGridDrawsOneRectanglePerLitPixel() {
        let image = (0..<64).map { $0 < 10 ? 1.0 : 0.0 }
        let svg = ImageGrid(images: [image, image], title: "two").svg
        let pixels = svg.components(separatedBy: "fill=\"currentColor\" fill-opacity=").count - 1
        #expect(pixels == 20)
    }
}
