public import LessonRuntimeProtocol

/// Images (for example 8x8 digits, real or sampled) in a grid. Pixel values in 0...1 become the opacity of the
/// page's text colour, so the grid reads in light and dark themes alike.
public struct ImageGrid: Displayable, Sendable {
    /// The images, each `width × height` values in [0, 1], row by row.
    public var images: [[Double]]
    /// Pixels per image row.
    public var width: Int
    /// Pixel rows per image.
    public var height: Int
    /// Images per row of the grid.
    public var columns: Int
    /// The title above the grid.
    public var title: String
    /// Screen pixels per image pixel.
    public var scale: Double = 5

    /// A grid of `images`, each `width` × `height` pixels in row-major order, `columns` per row.
    public init(images: [[Double]], width: Int = 8, height: Int = 8, columns: Int = 10, title: String) {
        precondition(images.allSatisfy { $0.count == width * height }, "ImageGrid: every image needs \(width * height) pixels")
        self.images = images
        self.width = width
        self.height = height
        self.columns = max(1, columns)
        self.title = title
    }

    /// The figure as an SVG document.
    public var svg: String {
        let gap = 4.0
        let cell = Double(width) * scale
        let rows = (images.count + columns - 1) / columns
        let totalWidth = Double(min(columns, max(1, images.count))) * (cell + gap) + gap
        let totalHeight = Double(rows) * (Double(height) * scale + gap) + gap + 24
        var document = SVGDocument(width: totalWidth, height: totalHeight)
        document.text(title, x: totalWidth / 2, y: 16, class: "lk-title")
        for (index, image) in images.enumerated() {
            let originX = gap + Double(index % columns) * (cell + gap)
            let originY = 24 + gap + Double(index / columns) * (Double(height) * scale + gap)
            document.add("<rect x=\"\(SVGDocument.number(originX))\" y=\"\(SVGDocument.number(originY))\" width=\"\(SVGDocument.number(cell))\" height=\"\(SVGDocument.number(Double(height) * scale))\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>")
            for (pixel, value) in image.enumerated() where value > 0 {
                let x = originX + Double(pixel % width) * scale
                let y = originY + Double(pixel / width) * scale
                document.add("<rect x=\"\(SVGDocument.number(x))\" y=\"\(SVGDocument.number(y))\" width=\"\(SVGDocument.number(scale))\" height=\"\(SVGDocument.number(scale))\" fill=\"currentColor\" fill-opacity=\"\(SVGDocument.number(min(1, value)))\"/>")
            }
        }
        return document.rendered(title: title, description: "\(title). \(images.count) images of \(width) by \(height) pixels in rows of \(columns).")
    }

    /// The figure, for `show`.
    public var displayRecord: DisplayRecord { SVGImage(source: svg).displayRecord }
}
