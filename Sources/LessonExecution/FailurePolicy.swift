public import LessonModel

/// What the executor does when a cell fails fatally (does not compile, traps, times out, exits).
///
/// `lessons run` stops the lesson, except for `error: true` cells, which are shown and left out. Grading
/// keeps going: a broken exercise is replaced by its released stub and a failing test cell is left out, so one
/// broken exercise costs only its own points.
public enum FailureResolution: Sendable {
    /// Stop: later cells are not run.
    case stop
    /// Keep `output` as the cell's result and run the lesson again without the cell.
    case omit(output: CellOutput)
    /// Keep `output` as the cell's result and run the lesson again with `source` in place of the cell's code.
    case replace(source: String, output: CellOutput)
}

/// Decides what happens to a cell that failed fatally; gets the cell and its failure output.
public typealias FailurePolicy = @Sendable (CodeCell, CellOutput) -> FailureResolution

/// The notebook policy of `lessons run`.
public enum NotebookFailurePolicy {
    /// Stop at a failing cell, unless it is marked `error: true`: then show its error and go on.
    public static let policy: FailurePolicy = { cell, output in
        guard cell.options.expectError else { return .stop }
        var expected = output
        expected.outcome = .failedAsExpected
        return .omit(output: expected)
    }

    /// Keep going (`lessons run` on a student's copy, or `--keep-going`): a failing cell is shown and left out, and
    /// the lesson runs again without it, so it costs only itself and the cells that use its names (which then fail
    /// in turn). `error: true` cells are handled as by ``policy``.
    public static let keepGoing: FailurePolicy = { cell, output in
        guard cell.options.expectError else { return .omit(output: output) }
        var expected = output
        expected.outcome = .failedAsExpected
        return .omit(output: expected)
    }
}
