import Foundation

/// Builds an SVG document line by line with rounded, locale-free numbers, so the same plot is the same bytes.
struct SVGDocument {
    let width: Double
    let height: Double
    private(set) var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// `value` with at most two decimals and no trailing zeros: 12, 12.5, 12.25.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return "0" }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    mutating func add(_ element: String) { elements.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String) {
        add("<line class=\"\(name)\" x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\"/>")
    }

    mutating func text(_ content: String, x: Double, y: Double, anchor: String = "middle", class name: String = "lk-text", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\"" : ""
        add("<text class=\"\(name)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\"\(transform)>\(Self.escape(content))</text>")
    }

    /// A line through `points` (in pixels). A line with more points than the plot has pixels across is
    /// thinned first (``thinned(_:)``): it looks the same and the file stays small.
    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        let coordinates = Self.thinned(points).map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        add("<polyline class=\"\(name)\" points=\"\(coordinates)\"/>")
    }

    /// `points` with, in each pixel column of x, only the first, lowest, highest and last point (in their order):
    /// the drawn line covers the same pixels. Lines with at most 800 points are kept as they are.
    static func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard points.count > 800 else { return points }
        var result: [(Double, Double)] = []
        var start = 0
        while start < points.count {
            let column = points[start].0.rounded(.down)
            var end = start + 1
            while end < points.count, points[end].0.rounded(.down) == column { end += 1 }
            var keep: Set<Int> = [start, end - 1]
            if let low = (start..<end).min(by: { points[$0].1 < points[$1].1 }) { keep.insert(low) }
            if let high = (start..<end).max(by: { points[$0].1 < points[$1].1 }) { keep.insert(high) }
            for index in keep.sorted() { result.append(points[index]) }
            start = end
        }
        return result
    }

    /// A number for a description: three significant digits, plain notation where that reads well.
    static func described(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value != 0 && (abs(value) >= 1e5 || abs(value) < 1e-3) {
            let exponent = Int((log10(abs(value))).rounded(.down))
            let mantissa = value / pow(10, Double(exponent))
            return "\(number(((mantissa * 100).rounded()) / 100))e\(exponent)"
        }
        let digits = max(0, 2 - Int(log10(max(abs(value), 1e-9)).rounded(.down)))
        let scale = pow(10, Double(digits))
        return number((value * scale).rounded() / scale)
    }

    /// The finished document: fixed size and viewBox, a title and a description (what the figure shows, in words)
    /// for accessibility, styles that follow the page's text colour (`currentColor`) so the figure reads in light
    /// and dark themes. The series colours have at least 3:1 contrast with both themes' backgrounds.
    func rendered(title: String, description: String) -> String {
        let w = Self.number(width)
        let h = Self.number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)" role="img" class="lk-plot">
            <title>\(Self.escape(title))</title>
            <desc>\(Self.escape(description))</desc>
            <style>
            .lk-plot { font-family: system-ui, sans-serif; font-size: 12px; }
            .lk-text { fill: currentColor; }
            .lk-title { fill: currentColor; font-size: 14px; font-weight: 600; }
            .lk-axis { stroke: currentColor; stroke-width: 1; }
            .lk-grid { stroke: currentColor; stroke-opacity: 0.15; stroke-width: 1; }
            .lk-line { fill: none; stroke-width: 2; }
            .lk-dashed { stroke-dasharray: 5 4; }
            .lk-contour { fill: none; stroke: currentColor; stroke-opacity: 0.7; stroke-width: 1; }
            .lk-s0 { stroke: #4e79a7; fill: #4e79a7; } .lk-s1 { stroke: #b8620c; fill: #b8620c; }
            .lk-s2 { stroke: #3d8a37; fill: #3d8a37; } .lk-s3 { stroke: #c45a5c; fill: #c45a5c; }
            .lk-s4 { stroke: #9c6a92; fill: #9c6a92; } .lk-s5 { stroke: #2b8680; fill: #2b8680; }
            .lk-f0 { fill: #4e79a7; stroke: none; } .lk-f1 { fill: #b8620c; stroke: none; }
            .lk-f2 { fill: #3d8a37; stroke: none; } .lk-f3 { fill: #c45a5c; stroke: none; }
            .lk-f4 { fill: #9c6a92; stroke: none; } .lk-f5 { fill: #2b8680; stroke: none; }
            polyline.lk-line { fill: none; }
            </style>
            \(elements.joined(separator: "\n"))
            </svg>
            """
    }
}
