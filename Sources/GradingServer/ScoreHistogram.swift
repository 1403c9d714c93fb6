/// A score distribution as a small inline SVG bar chart: ten equal bins from 0 to the maximum (the last one
/// closed), each bar with a `<title>` giving its range and count.
enum ScoreHistogram {
    static func svg(_ scores: [Double], maximum: Double) -> HTML {
        let binCount = 10, width = 200.0, height = 40.0
        var bins = Array(repeating: 0, count: binCount)
        for score in scores {
            let fraction = maximum > 0 ? score / maximum : 0
            bins[min(max(Int(fraction * Double(binCount)), 0), binCount - 1)] += 1
        }
        let tallest = max(bins.max() ?? 0, 1)
        let bars: [HTML] = bins.enumerated().map { index, count in
            let barHeight = height * Double(count) / Double(tallest)
            let low = maximum * Double(index) / Double(binCount), high = maximum * Double(index + 1) / Double(binCount)
            let x = PointsText.format(Double(index) * width / Double(binCount))
            let y = PointsText.format(height - barHeight), h = PointsText.format(barHeight)
            return """
                <rect x="\(x)" y="\(y)" width="18" height="\(h)"><title>\(points: low)–\(points: high): \(count)</title></rect>
                """
        }
        let label = "score distribution of \(scores.count) answers from 0 to \(PointsText.format(maximum)) points"
        return """
            <svg class="histogram" viewBox="0 0 200 40" width="200" height="40" role="img" aria-label="\(label)">\(bars)</svg>
            """
    }
}
