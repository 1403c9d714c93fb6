public import LessonModel

/// `lessons release`: the student copy of an instructor's lesson.
///
/// Transforms, in order: solutions become stubs (``SolutionStub``), hidden tests and instructor-only prose are
/// removed, outputs of exercise and test cells are cleared. Line-level edits; everything else stays byte for byte.
public enum StudentCopy {
    /// The student copy's bytes.
    public static func make(from lesson: Lesson, markup: GradingMarkup) -> [UInt8] {
        LineEdit.apply(edits(from: lesson, markup: markup), to: lesson.source)
    }

    /// The line edits that turn `lesson` into its student copy (see ``LineEdit/lineMap(_:in:)`` to map the
    /// copy's lines back).
    public static func edits(from lesson: Lesson, markup: GradingMarkup) -> [LineEdit] {
        var edits: [LineEdit] = []
        for exercise in markup.exercises {
            let cell = lesson.cells[exercise.cellIndex]
            for region in exercise.solutionRegions {
                let indentation = String(lesson.source.content(ofLine: region.first).prefix { $0 == " " || $0 == "\t" })
                let solution = region.last - region.first > 1
                    ? lesson.source.text(of: LineRange(region.first + 1, region.last - 1)) : ""
                edits.append(LineEdit(lines: region, replacement: SolutionStub.lines(for: solution, indentation: indentation)))
            }
            if let output = cell.output { edits.append(outputRemoval(output, in: lesson.source)) }
        }
        for test in markup.tests {
            for region in test.hiddenRegions { edits.append(LineEdit(lines: region)) }
            if let output = lesson.cells[test.cellIndex].output { edits.append(outputRemoval(output, in: lesson.source)) }
        }
        for region in InstructorRegions.find(in: lesson).0 { edits.append(LineEdit(lines: region)) }
        return edits
    }

    /// Removes an output block and the empty line before it.
    private static func outputRemoval(_ block: OutputBlock, in source: SourceText) -> LineEdit {
        let first = block.beginLine > 1 && source.isBlank(line: block.beginLine - 1) ? block.beginLine - 1 : block.beginLine
        return LineEdit(lines: LineRange(first, block.endLine))
    }
}
