public import LessonRuntimeProtocol

/// A complete SVG document to show as a figure.
///
/// Plots produce these; the runner writes each one to `Lessons/figures/<lesson>/<cell id>-<n>.svg`.
public struct SVGImage: Displayable, Equatable, Sendable {
    /// The SVG document text, starting with `<svg`.
    public var source: String
    /// An optional caption (also the figure's alternative text on the site).
    public var caption: String?

    /// Wraps an SVG document.
    public init(source: String, caption: String? = nil) {
        self.source = source
        self.caption = caption
    }

    /// The SVG document with its caption, for the runner.
    public var displayRecord: DisplayRecord {
        DisplayRecord(kind: .svg, text: source, caption: caption)
    }
}
