public import LessonModel

/// Prose only the instructor's copy has: lines from `<!-- BEGIN INSTRUCTOR -->` to `<!-- END INSTRUCTOR -->`.
public enum InstructorRegions {
    public static let begin = "<!-- BEGIN INSTRUCTOR -->"
    public static let end = "<!-- END INSTRUCTOR -->"

    /// Both markers end with these bytes: a line without them is neither (and a lesson without them has no region).
    private static let markerTail = Array("INSTRUCTOR -->".utf8)

    /// The regions (markers included), and problems for unterminated or stray markers.
    ///
    /// Only lines whose bytes hold ``markerTail`` are read as text (`shortcut: false` reads every line, for tests).
    public static func find(in lesson: Lesson, shortcut: Bool = true) -> ([LineRange], [Diagnostic]) {
        var regions: [LineRange] = []
        var diagnostics: [Diagnostic] = []
        if shortcut, !lesson.source.bytes.withUnsafeBufferPointer({ $0.firstIndex(of: markerTail) != nil }) {
            return (regions, diagnostics)
        }
        var openLine: Int?
        // Markers inside cells are code, not markers. The cells are walked along with the lines (one pass: asking
        // every cell about every line made `lessons check` quadratic, minutes for a lesson of 19,000 cells).
        let cellLines = lesson.cells.map { LineRange($0.openingFenceLine, $0.closingFenceLine) }.sorted { $0.first < $1.first }
        var nextCell = 0
        var line = 0
        let lineCount = lesson.source.lineCount
        while line < lineCount {
            line += 1
            while nextCell < cellLines.count && cellLines[nextCell].last < line { nextCell += 1 }
            if nextCell < cellLines.count && cellLines[nextCell].contains(line) {
                line = cellLines[nextCell].last
                continue
            }
            if shortcut, !lesson.source.contentBytes(ofLine: line).withUnsafeBufferPointer({ $0.firstIndex(of: markerTail) != nil }) {
                continue
            }
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
