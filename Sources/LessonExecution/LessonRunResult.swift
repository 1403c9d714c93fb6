public import LessonModel

/// What running a lesson gave: each cell's output and each inline expression's value.
public struct LessonRunResult: Sendable {
    /// One output per cell, in order.
    public var cells: [CellOutput]
    /// One outcome per inline expression of the prose, in order.
    public var inlineValues: [InlineOutcome]
    /// How many times the program ran to produce this (a cell that stops the program is left out and the rest run
    /// again; grading's checker runs once).
    public var programRuns = 0
    /// How many of the programs that ran came from the ``ProgramCache`` instead of the compiler.
    public var programsFromCache = 0

    /// Creates a result.
    public init(cells: [CellOutput], inlineValues: [InlineOutcome]) {
        self.cells = cells
        self.inlineValues = inlineValues
    }
}
