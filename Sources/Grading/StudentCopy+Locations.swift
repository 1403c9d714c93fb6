import LessonModel

extension StudentCopy {
    /// Edits that make the outputs the copy keeps (of cells that are neither exercises nor tests: an `error: true`
    /// cell's message, say) name lines of the copy instead of the instructor's: every `<lesson path>:<line>` in them
    /// names the line the copy gives that source line. Each block keeps its line count, and its begin marker gets
    /// the content hash of its new lines, so the block stays intact.
    ///
    /// - Parameter edits: the copy's other edits (which decide where each line ends up).
    static func outputRelocations(in lesson: Lesson, markup: GradingMarkup, edits: [LineEdit]) -> [LineEdit] {
        let map = LineEdit.lineMap(edits, in: lesson.source)
        // The copy's line for each source line: where it went, or where the text after a removed line went.
        var copyLine = [Int](repeating: map.count, count: lesson.source.lineCount + 2)
        for (index, source) in map.enumerated().reversed() where source < copyLine.count {
            copyLine[source] = index + 1
        }
        for line in stride(from: copyLine.count - 2, through: 1, by: -1) where copyLine[line] == map.count {
            copyLine[line] = copyLine[line + 1]
        }
        let graded = Set(markup.exercises.map(\.cellIndex) + markup.tests.map(\.cellIndex))
        let path = lesson.displayPath + ":"
        var relocations: [LineEdit] = []
        for cell in lesson.cells where !graded.contains(cell.index) {
            guard let block = cell.output, block.isIntact, block.endLine - block.beginLine > 1 else { continue }
            let inside = (block.beginLine + 1..<block.endLine).map { String(lesson.source.content(ofLine: $0)) }
            let moved = inside.map { relocate($0, path: path) { copyLine[min(max($0, 1), copyLine.count - 1)] } }
            guard moved != inside else { continue }
            var marker = block.marker
            marker.content = OutputMarker.contentHash(of: moved.map(\.utf8))
            relocations.append(LineEdit(lines: LineRange(block.beginLine, block.endLine - 1), replacement: [marker.beginLine] + moved))
        }
        return relocations
    }

    /// `text` with the line number after every `path` (e.g. `Lessons/a.md:`) replaced by `line(number)`.
    static func relocate(_ text: String, path: String, line: (Int) -> Int) -> String {
        var result = ""
        var rest = text[...]
        while let found = rest.range(of: path) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits), !digits.isEmpty {
                result += String(line(number))
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }
}
