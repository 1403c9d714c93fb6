import LessonRuntimeProtocol

/// Shows `value` in the current cell's output, like a notebook's rich display.
///
/// Figures (``SVGImage`` and plots) become SVG files linked from the lesson, ``Table`` values become tables,
/// and anything else is shown as its `description`. Text printed before and after keeps its order.
/// - Parameters:
///   - value: what to show.
///   - caption: a caption for a figure; overrides the cell's `caption` option.
public func show(_ value: Any, caption: String? = nil) {
    var record: DisplayRecord
    if let displayable = value as? any Displayable {
        record = displayable.displayRecord
    } else {
        record = DisplayRecord(kind: .text, text: String(describing: value))
    }
    if let caption { record.caption = caption }
    LessonRuntime.emit(record)
}
