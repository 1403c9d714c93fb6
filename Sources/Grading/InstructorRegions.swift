public import LessonModel

/// Prose only the instructor's copy has: lines from `<!-- BEGIN INSTRUCTOR -->` to `<!-- END INSTRUCTOR -->`.
public enum InstructorRegions {
    public static let begin = "<!-- BEGIN INSTRUCTOR -->"
    public static let end = "<!-- END INSTRUCTOR -->"

    /// The regions (markers included), and problems for unterminated or stray markers.
    public static func find(in lesson: Lesson) -> ([LineRange], [Diagnostic]) {
        var regions: [LineRange] = []
        var diagnostics: [Diagnostic] = []
        var openLine: Int?
        let cellLines = lesson.cells.map { LineRange($0.openingFenceLine, $0.closingFenceLine) }
        for line in 1...lesson.source.lineCount where !cellLines.contains(where: { $0.contains(line) }) {
            let text = lesson.source.content(ofLine: line).trimmingWhitespace()
            if text == begin {
                if let openLine {
                    diagnostics.append(Diagnostic(.error, "grading.nested-region",
                        "instructor region inside the one opened at line \(openLine)", at: lesson.location(line: line)))
                } else {
                    openLine = line
                }
            } else if text == end {
                if let start = openLine {
                    regions.append(LineRange(start, line))
                    openLine = nil
                } else {
                    diagnostics.append(Diagnostic(.error, "grading.stray-end",
                        "'\(end)' has no matching '\(begin)'", at: lesson.location(line: line)))
                }
            }
        }
        if let openLine {
            diagnostics.append(Diagnostic(.error, "grading.unterminated-region",
                "instructor region is never closed with '\(end)'", at: lesson.location(line: openLine)))
        }
        return (regions, diagnostics)
    }
}
