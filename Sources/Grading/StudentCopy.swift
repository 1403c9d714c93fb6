public import LessonModel

/// `lessons release`: the student copy of an instructor's lesson.
///
/// Transforms, in order: solutions become stubs (``SolutionStub``, shaped by where each region stands), hidden
/// tests become one ``hiddenTestsNote`` line, instructor-only prose is removed, outputs of exercise and test cells
/// are cleared, and the outputs it keeps name the copy's lines. Line-level edits; everything else stays byte for
/// byte.
public enum StudentCopy {
    /// The line that stands where hidden tests were: it tells the student (and `lessons test`) that this test
    /// cell's points also depend on checks that run only when the instructor grades.
    public static let hiddenTestsNote = "// HIDDEN TESTS: run when graded"

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
                let context = SolutionContext.of(markerLine: region.first - cell.firstSourceLine + 1, inCell: cell.source)
                edits.append(LineEdit(
                    lines: region,
                    replacement: SolutionStub.lines(for: solution, indentation: indentation, context: context)))
            }
            if let output = cell.output { edits.append(outputRemoval(output, in: lesson.source)) }
        }
        for test in markup.tests {
            for region in test.hiddenRegions {
                let indentation = String(lesson.source.content(ofLine: region.first).prefix { $0 == " " || $0 == "\t" })
                edits.append(LineEdit(lines: region, replacement: [indentation + hiddenTestsNote]))
            }
            if let output = lesson.cells[test.cellIndex].output { edits.append(outputRemoval(output, in: lesson.source)) }
        }
        for region in InstructorRegions.find(in: lesson).0 { edits.append(LineEdit(lines: region)) }
        // Last: where every other edit puts each line decides what the kept outputs' locations become.
        return edits + outputRelocations(in: lesson, markup: markup, edits: edits)
    }

    /// Removes an output block and the empty line before it.
    private static func outputRemoval(_ block: OutputBlock, in source: SourceText) -> LineEdit {
        let first = block.beginLine > 1 && source.isBlank(line: block.beginLine - 1) ? block.beginLine - 1 : block.beginLine
        return LineEdit(lines: LineRange(first, block.endLine))
    }
}
