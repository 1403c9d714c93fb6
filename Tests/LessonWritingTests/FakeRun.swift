import LessonModel
import LessonParsing
import LessonWriting

/// A stand-in for running a lesson: every cell gets outputs derived from its source, so properties of
/// splicing can be checked over thousands of documents without compiling anything.
enum FakeRun {
    static func parse(_ bytes: [UInt8]) -> Lesson? {
        LessonParser.parse(bytes, displayPath: "Lessons/generated.md").0
    }

    /// `run(x)`: splices fake outputs (``output(for:)`` unless given) after every cell.
    static func run(_ bytes: [UInt8], outputs: (CodeCell) -> CellOutput = output(for:)) -> [UInt8] {
        guard let lesson = parse(bytes) else { return bytes }
        var blocks: [Int: [String]] = [:]
        for cell in lesson.cells {
            blocks[cell.index] = OutputRenderer.lines(
                for: outputs(cell), cell: cell, lesson: lesson.name, hash: String(cell.source.utf8.count))
        }
        var values: [Int: String] = [:]
        for expression in lesson.inlineExpressions {
            // Values with Markdown's active characters and a line break, to exercise the stored form.
            let text = "v\(expression.code.count) *x* | $y$ \\ <!--/value-->\nü"
            values[expression.index] = StoredInlineValue.markup(hash: String(expression.code.utf8.count, radix: 16), text: text)
        }
        return OutputSplicer.splice(lesson, blocks: blocks, inlineValues: values)
    }

    /// `clear(x)`.
    static func clear(_ bytes: [UInt8]) -> [UInt8] {
        guard let lesson = parse(bytes) else { return bytes }
        return OutputSplicer.clear(lesson)
    }

    static func output(for cell: CodeCell) -> CellOutput {
        let size = cell.source.utf8.count
        var items: [OutputItem] = [.standardOutput("source has \(size) bytes\n```\nnested fence ü\n")]
        if size % 2 == 0 { items.append(.table(columns: ["a", "<b>"], rows: [["1", "x & y"]])) }
        if size % 3 == 0 { items.append(.figure(svg: "<svg/>", caption: "caption [with] brackets")) }
        if size % 5 == 0 { items.append(.standardError("warning\r\n")) }
        let outcome: CellOutcome = size % 7 == 0
            ? .failed(message: "boom", location: SourceLocation(file: "x", line: 1), isFatal: false) : .succeeded
        if size % 11 == 0 { return CellOutput(outcome: .notRun(reason: "not run: because")) }
        return CellOutput(outcome: outcome, items: items)
    }
}
