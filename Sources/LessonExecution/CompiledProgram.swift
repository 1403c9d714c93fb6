public import LessonModel

/// A lesson program compiled once to run many times: where it is, and how its compile errors were resolved.
public struct CompiledProgram: Sendable {
    /// The executable.
    public let executable: String
    /// Outputs of cells that did not compile (their errors).
    public let decided: [Int: CellOutput]
    /// Cells left out of the program.
    public let omitted: Set<Int>
    /// Cells whose code was replaced (a broken exercise by its stub).
    public let replaced: [Int: String]
    /// The program holds the lesson's cells before this index (0 when nothing compiled).
    public let limit: Int
    /// Inline expressions left out (all of them).
    public let omittedInline: Set<Int>
}
