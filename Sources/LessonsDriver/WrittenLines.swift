import LessonModel

/// Where each line of a lesson as read is in the lesson as written, once its output blocks have changed.
///
/// Cells run with the line numbers of the file as read, so a location a cell's output names ("Lessons/x.md:238:14")
/// would be off by the lines that blocks above it gained or lost. Both files agree once their output blocks are
/// removed (`clear(run(x)) == clear(x)`), so a line maps through that cleared text: minus the block lines above it
/// in the file as read, plus those above it in the file as written. Locations stored in outputs therefore name the
/// file as it is on disk, and `run(clear(x)) == run(x)`.
struct WrittenLines {
    /// Each file's output regions (a block and the empty line before it), as (first line, line count), in order.
    private let read: [(first: Int, count: Int)]
    private let written: [(first: Int, count: Int)]

    init(read: Lesson, written: Lesson) {
        self.read = Self.regions(of: read)
        self.written = Self.regions(of: written)
    }

    /// Whether every line keeps its number.
    var isIdentity: Bool { read.map(\.first) == written.map(\.first) && read.map(\.count) == written.map(\.count) }

    /// The line `line` of the file as read has in the file as written (lines inside a replaced block keep theirs).
    func line(_ line: Int) -> Int {
        var cleared = line
        for region in read where region.first <= line {
            guard line >= region.first + region.count else { return line }
            cleared -= region.count
        }
        var result = cleared
        for region in written where region.first <= result { result += region.count }
        return result
    }

    /// `text` with every `file:LINE` in it naming the written line.
    func relocate(_ text: String, file: String) -> String {
        let prefix = file + ":"
        guard text.contains(prefix) else { return text }
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: prefix) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits), !digits.isEmpty {
                result += String(line(number))
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }

    private static func regions(of lesson: Lesson) -> [(first: Int, count: Int)] {
        let blocks = lesson.cells.compactMap(\.output) + lesson.orphanOutputs
        return blocks.map { block in
            let first = block.beginLine > 1 && lesson.source.isBlank(line: block.beginLine - 1)
                ? block.beginLine - 1 : block.beginLine
            return (first, block.endLine - first + 1)
        }.sorted { $0.first < $1.first }
    }
}
