public import LessonRuntimeProtocol

/// Influence maps side by side: for each model, which input pixels reach the logit of one output pixel
/// (from ``AutoregressiveImageModel/influence(on:trials:seed:)``), drawn as a small image with a label.
///
/// Filled squares are pixels that influence the output, faint squares are earlier pixels (in raster order)
/// that never reach it, the outlined square is the output pixel itself; later pixels stay empty. Everything is
/// drawn in the page's text colour, so the figure reads in light and dark themes.
public struct InfluenceMaps: Displayable, Sendable {
    /// One map: a label and, per pixel, whether it influences the output at `pixel`.
    public struct Panel: Sendable {
        /// The model's name under its map.
        public var label: String
        /// Per input pixel (raster order), whether it reaches the output's logit.
        public var influenced: [Bool]
        /// The output pixel (raster index).
        public var pixel: Int
    }

    /// The maps, in the order they are drawn.
    public var panels: [Panel] = []
    /// Image height and width, pixels.
    public var height: Int, width: Int
    /// The figure's title.
    public var title: String
    /// Maps per row of the figure.
    public var columns: Int
    /// Screen pixels per image pixel.
    public var scale: Double = 12

    /// An empty figure for `height` × `width` images.
    public init(height: Int = 8, width: Int = 8, columns: Int = 6, title: String) {
        (self.height, self.width, self.columns, self.title) = (height, width, max(1, columns), title)
    }

    /// Adds the map of `model` for output `pixel` (raster index), labelled `label`.
    public mutating func add(_ label: String, _ model: some AutoregressiveImageModel, pixel: Int) {
        precondition(model.pixelCount == height * width, "InfluenceMaps: \(label) has \(model.pixelCount) pixels, not \(height * width)")
        panels.append(Panel(label: label, influenced: model.influence(on: pixel), pixel: pixel))
    }

    /// The figure as SVG: the maps in rows of ``columns``, each labelled, under the title.
    public var svg: String {
        let gap = 16.0, labelHeight = 20.0, top = 28.0
        let panelWidth = Double(width) * scale, panelHeight = Double(height) * scale
        let rows = (panels.count + columns - 1) / columns
        let panelsWidth = Double(min(columns, max(1, panels.count))) * (panelWidth + gap) + gap
        // Wide enough for the title (at most about 8.5 screen pixels per character in the 14 px bold title
        // font), the panels centred beneath it.
        let totalWidth = max(panelsWidth, Double(title.count) * 8.5 + 2 * gap)
        let left = (totalWidth - panelsWidth) / 2
        let totalHeight = top + Double(rows) * (panelHeight + labelHeight + gap)
        var document = SVGDocument(width: totalWidth, height: totalHeight)
        document.text(title, x: totalWidth / 2, y: 18, class: "lk-title")
        for (index, panel) in panels.enumerated() {
            let originX = left + gap + Double(index % columns) * (panelWidth + gap)
            let originY = top + Double(index / columns) * (panelHeight + labelHeight + gap)
            for position in 0..<(height * width) {
                let x = SVGDocument.number(originX + Double(position % width) * scale)
                let y = SVGDocument.number(originY + Double(position / width) * scale)
                let size = SVGDocument.number(scale - 1)
                let style: String
                if position == panel.pixel {
                    style = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\""
                } else if panel.influenced[position] {
                    style = "fill=\"currentColor\""
                } else if position < panel.pixel {
                    style = "fill=\"currentColor\" fill-opacity=\"0.15\""
                } else {
                    style = "fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.15\""
                }
                document.add("<rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(size)\" \(style)/>")
            }
            document.text(panel.label, x: originX + panelWidth / 2, y: originY + panelHeight + 15)
        }
        let counts = panels.map { panel in
            "\(panel.label): \(panel.influenced.filter { $0 }.count) of the \(panel.pixel) earlier pixels"
        }
        return document.rendered(
            title: title,
            description: "\(title). The input pixels that reach one output's logit, per model: \(counts.joined(separator: "; ")).")
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
