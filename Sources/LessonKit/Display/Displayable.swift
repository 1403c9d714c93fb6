public import LessonRuntimeProtocol

/// A value that knows how to present itself in a lesson's output: a figure, a table, or text.
public protocol Displayable {
    /// The record the runner turns into Markdown output (an SVG file, an HTML table, or a text block).
    var displayRecord: DisplayRecord { get }
}
