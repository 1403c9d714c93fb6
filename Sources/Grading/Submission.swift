public import LessonModel

/// A student's submission put together with the instructor's lesson, ready to run.
public struct AssembledSubmission: Sendable {
    /// The instructor's lesson with each exercise cell's code taken from the submission.
    public var lesson: Lesson
    /// The released stub of each exercise cell (by cell index), used when the student's code breaks.
    public var stubs: [Int: String]
    /// Locked cells the student changed (their changes are ignored; the instructor's cells run).
    public var tampering: [String]
    /// Exercises the submission has no cell for (their stubs run).
    public var missingExercises: [String]
}

/// Puts a submission into the instructor's lesson: exercise cells come from the student (options from the
/// instructor, so a student cannot raise their own timeout), every other cell from the instructor. Locked
/// cells, and the options of exercise cells, are compared with the released copy, and any difference is reported
/// as tampering.
public enum SubmissionAssembler {
    /// - Parameters:
    ///   - instructor: the instructor's lesson (solutions and hidden tests).
    ///   - released: the student copy made from it by ``StudentCopy``.
    ///   - submission: the student's file.
    public static func assemble(
        instructor: Lesson, markup: GradingMarkup, released: Lesson, submission: Lesson
    ) -> AssembledSubmission {
        var lesson = instructor
        var stubs: [Int: String] = [:]
        var missing: [String] = []
        var changedOptions: [String] = []
        let releasedExercises = Dictionary(
            released.cells.compactMap { cell in cell.options.exercise.map { ($0, cell) } }, uniquingKeysWith: { a, _ in a })
        let submitted = Dictionary(
            submission.cells.compactMap { cell in cell.options.exercise.map { ($0, cell) } }, uniquingKeysWith: { a, _ in a })
        for exercise in markup.exercises {
            let index = exercise.cellIndex
            let options = optionLines(of: instructor.cells[index].source)
            if let stub = releasedExercises[exercise.id] { stubs[index] = stub.source }
            guard let studentCell = submitted[exercise.id] else {
                missing.append(exercise.id)
                lesson.cells[index].source = stubs[index] ?? options
                continue
            }
            lesson.cells[index].source = options + codeLines(of: studentCell.source)
            if let releasedCell = releasedExercises[exercise.id],
                optionSet(of: releasedCell.source) != optionSet(of: studentCell.source)
            {
                changedOptions.append(
                    "the options of exercise cell '\(exercise.id)' were changed (\(submission.displayPath):"
                        + "\(studentCell.openingFenceLine)); the instructor's options were used")
            }
        }
        return AssembledSubmission(
            lesson: lesson, stubs: stubs,
            tampering: changedOptions + tampering(released: released, submission: submission), missingExercises: missing)
    }

    /// Differences between the locked (non-exercise) cells of the released copy and of the submission.
    static func tampering(released: Lesson, submission: Lesson) -> [String] {
        let expected = released.cells.filter { $0.options.exercise == nil }
        let actual = submission.cells.filter { $0.options.exercise == nil }
        var reports: [String] = []
        if expected.count != actual.count {
            reports.append("the submission has \(actual.count) locked cells; the released lesson has \(expected.count)")
        }
        for (original, changed) in zip(expected, actual) where normalized(original.source) != normalized(changed.source) {
            reports.append("locked cell '\(original.id)' was changed (\(submission.displayPath):\(changed.openingFenceLine)); the original was graded")
        }
        return reports
    }

    /// The leading `//|` option lines of a cell's source.
    static func optionLines(of source: String) -> String {
        lines(of: source).prefix { $0.trimmingWhitespace().hasPrefix("//|") }.map { $0 + "\n" }.joined()
    }

    /// The leading option lines of a cell, trimmed, in any order (what the options are, not how they are laid out).
    static func optionSet(of source: String) -> Set<String> {
        Set(lines(of: source).prefix { $0.trimmingWhitespace().hasPrefix("//|") }.map { String($0.trimmingWhitespace()) })
    }

    /// The source without its leading option lines.
    static func codeLines(of source: String) -> String {
        lines(of: source).drop { $0.trimmingWhitespace().hasPrefix("//|") }.map { $0 + "\n" }.joined()
    }

    private static func lines(of source: String) -> [Substring] {
        var lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func normalized(_ source: String) -> [Substring] {
        lines(of: source).map { line in
            var trimmed = line
            while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
            return trimmed
        }
    }
}
