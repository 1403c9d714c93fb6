public import LessonModel

/// A lesson's cells split for grading, in order: every locked cell and test cell up to the last test, each once for
/// the checker and once for the submission (``TestCellSplit``), and what could not be split.
public struct LessonGradingSplit: Sendable {
    /// The split cells, by cell index: locked cells that reach the student's code, and every test cell.
    public var cells: [Int: TestCellSplit]
    /// The test cells among them.
    public var testCells: Set<Int>
    /// Statements the grader cannot split, as errors at their file:line; grading refuses the lesson while any is left.
    public var refusals: [Diagnostic]

    /// Splits `instructor`'s cells through its last test cell.
    public static func make(instructor: Lesson, markup: GradingMarkup, symbols: ExerciseSymbols) -> LessonGradingSplit {
        let exercises = Set(markup.exercises.map(\.cellIndex))
        let tests = Dictionary(markup.tests.map { ($0.cellIndex, $0) }, uniquingKeysWith: { first, _ in first })
        let last = markup.tests.map(\.cellIndex).max() ?? -1
        var state = GradingSplitState(symbols: symbols)
        var result = LessonGradingSplit(cells: [:], testCells: Set(tests.keys), refusals: [])
        for cell in instructor.cells.prefix(last + 1) where !exercises.contains(cell.index) {
            let split: TestCellSplit
            if let test = tests[cell.index] {
                split = state.split(cell.source, kind: .test(hidden: !test.hiddenRegions.isEmpty))
            } else {
                split = state.split(cell.source, kind: .locked)
                guard split.checker != cell.source || split.submission != cell.source else { continue }
            }
            result.cells[cell.index] = split
            for refusal in split.refusals {
                let location = instructor.location(line: cell.firstSourceLine + refusal.line, column: refusal.column)
                result.refusals.append(Diagnostic(
                    .error, "grading.unsplittable-test", "the grader cannot judge this: \(refusal.message)", at: location))
            }
        }
        return result
    }
}
