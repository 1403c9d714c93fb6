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

    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        let coordinates = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        add("<polyline class=\"\(name)\" points=\"\(coordinates)\"/>")
    }

    /// The finished document: fixed size and viewBox, a title for accessibility, styles that follow the page's
    /// text colour (`currentColor`) so the figure reads in light and dark themes.
    func rendered(title: String) -> String {
        let w = Self.number(width)
        let h = Self.number(height)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(w) \(h)" width="\(w)" height="\(h)" role="img" class="lk-plot">
            <title>\(Self.escape(title))</title>
            <style>
            .lk-plot { font-family: system-ui, sans-serif; font-size: 12px; }
            .lk-text { fill: currentColor; }
            .lk-title { fill: currentColor; font-size: 14px; font-weight: 600; }
            .lk-axis { stroke: currentColor; stroke-width: 1; }
            .lk-grid { stroke: currentColor; stroke-opacity: 0.15; stroke-width: 1; }
            .lk-line { fill: none; stroke-width: 2; }
            .lk-dashed { stroke-dasharray: 5 4; }
            .lk-contour { fill: none; stroke: currentColor; stroke-opacity: 0.7; stroke-width: 1; }
            .lk-s0 { stroke: #4e79a7; fill: #4e79a7; } .lk-s1 { stroke: #f28e2b; fill: #f28e2b; }
            .lk-s2 { stroke: #59a14f; fill: #59a14f; } .lk-s3 { stroke: #e15759; fill: #e15759; }
            .lk-s4 { stroke: #b07aa1; fill: #b07aa1; } .lk-s5 { stroke: #76b7b2; fill: #76b7b2; }
            .lk-f0 { fill: #4e79a7; stroke: none; } .lk-f1 { fill: #f28e2b; stroke: none; }
            .lk-f2 { fill: #59a14f; stroke: none; } .lk-f3 { fill: #e15759; stroke: none; }
            .lk-f4 { fill: #b07aa1; stroke: none; } .lk-f5 { fill: #76b7b2; stroke: none; }
            polyline.lk-line { fill: none; }
            </style>
            \(elements.joined(separator: "\n"))
            </svg>
            """
    }
}
