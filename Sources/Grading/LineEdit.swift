public import LessonModel

/// A replacement of whole lines of a lesson: `lines` (inclusive) become `replacement` (each without terminator).
public struct LineEdit: Sendable, Equatable {
    public var lines: LineRange
    public var replacement: [String]

    /// Creates an edit; an empty `replacement` deletes the lines.
    public init(lines: LineRange, replacement: [String] = []) {
        self.lines = lines
        self.replacement = replacement
    }

    /// Applies non-overlapping `edits` to `source`, keeping every other byte; new lines end like the line they
    /// replace.
    public static func apply(_ edits: [LineEdit], to source: SourceText) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(source.bytes.count)
        var position = 0
        for edit in edits.sorted(by: { $0.lines.first < $1.lines.first }) {
            let start = source.startOffset(ofLine: edit.lines.first)
            guard start >= position else { continue }  // overlapping edit: the earlier one wins
            result += source.bytes[position..<start]
            let eol = source.terminator(ofLine: edit.lines.last) ?? ""
            let lineEnd = source.terminator(ofLine: edit.lines.first) ?? "\n"
            for (index, line) in edit.replacement.enumerated() {
                result += Array(line.utf8)
                result += Array((index == edit.replacement.count - 1 ? eol : lineEnd).utf8)
            }
            position = source.endOffset(ofLine: edit.lines.last)
        }
        result += source.bytes[position...]
        return result
    }

    /// For each line of the text `apply(edits, to: source)` gives, the line of `source` it comes from (a
    /// replacement's lines come from the lines they replace), so that a problem found in the edited text can be
    /// reported where the author wrote it.
    public static func lineMap(_ edits: [LineEdit], in source: SourceText) -> [Int] {
        var map: [Int] = []
        map.reserveCapacity(source.lineCount)
        var next = 1
        for edit in edits.sorted(by: { $0.lines.first < $1.lines.first }) where edit.lines.first >= next {
            map += Array(next..<edit.lines.first)
            map += edit.replacement.indices.map { min(edit.lines.first + $0, edit.lines.last) }
            next = edit.lines.last + 1
        }
        if next <= source.lineCount { map += Array(next...source.lineCount) }
        return map
    }
}
