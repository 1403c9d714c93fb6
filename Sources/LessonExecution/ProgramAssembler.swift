import Foundation
import LessonModel

/// Builds one Swift program from a lesson's cells, in order, so that they share state like notebook cells.
///
/// Each cell's code is wrapped in `#sourceLocation(file:line:)` so compiler errors and traps point at the
/// Markdown file and line, and between cells the program calls `LessonRuntime` to switch output files.
enum ProgramAssembler {
    /// The program text.
    /// - Parameters:
    ///   - cells: the cells to include, in order; cells in `omitted` keep their boundary calls but not their code.
    ///   - replaced: code to use instead of a cell's own (a released stub in place of a broken exercise).
    ///   - isolated: cells whose code runs in its own scope, inside `if LessonRuntime.shouldRun(i) { … }`, so that a
    ///     run of the same program can skip them (grading's test cells: nothing later may use their names).
    static func program(
        for lesson: Lesson, cells: ArraySlice<CodeCell>, omitted: Set<Int>, replaced: [Int: String] = [:],
        isolated: Set<Int> = []
    ) -> String {
        let file = lesson.displayPath
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        var program = "import LessonKit\nLessonRuntime.start()\n"
        for cell in cells {
            program += "LessonRuntime.beginCell(\(cell.index))\n"
            if !omitted.contains(cell.index) {
                let guarded = isolated.contains(cell.index)
                if guarded { program += "if LessonRuntime.shouldRun(\(cell.index)) {\n" }
                program += "#sourceLocation(file: \"\(file)\", line: \(cell.firstSourceLine))\n"
                let source = replaced[cell.index] ?? cell.source
                program += source
                if !source.isEmpty && !source.hasSuffix("\n") { program += "\n" }
                program += "#sourceLocation()\n"
                if guarded { program += "}\n" }
            }
            program += "LessonRuntime.endCell(\(cell.index))\n"
        }
        program += "LessonRuntime.finish()\n"
        return program
    }
}
