import Foundation
import LessonModel

/// Builds one Swift program from a lesson's cells, in order, so that they share state like notebook cells.
///
/// Each cell's code is wrapped in `#sourceLocation(file:line:)` so compiler errors and traps point at the
/// Markdown file and line, and between cells the program calls `LessonRuntime` to switch output files.
/// Inline expressions of the prose run where they stand, between the cells around them, each in an output
/// region of its own numbered after the cells (``regionIndex(of:in:)``).
enum ProgramAssembler {
    /// The program text.
    /// - Parameters:
    ///   - cells: the cells to include, in order; cells in `omitted` keep their boundary calls but not their code.
    ///   - replaced: code to use instead of a cell's own (a released stub in place of a broken exercise).
    ///   - isolated: cells whose code runs in its own scope, inside `if LessonRuntime.enterIsolatedCell(i, …) { … }`,
    ///     so that a run of the same program can skip them, and a submission runs each in a forked child (grading's
    ///     test cells: nothing later may use their names).
    ///   - timeouts: each isolated cell's timeout in seconds (a submission's forked cell is killed after it).
    ///   - omittedInline: inline expressions left out (they did not compile or stopped the program).
    ///   - layoutIndependent: number the program's lines with a ``ProgramLineMap`` instead of the lesson's lines, so
    ///     that the program does not change when outputs or prose move its cells (``usesLineDirectives(_:)``
    ///     says when a lesson cannot be numbered so).
    /// - Returns: the program, and the map from its lines to the lesson's when `layoutIndependent`.
    static func program(
        for lesson: Lesson, cells: ArraySlice<CodeCell>, omitted: Set<Int>, replaced: [Int: String] = [:],
        isolated: Set<Int> = [], omittedInline: Set<Int> = [], timeouts: [Int: Double] = [:],
        layoutIndependent: Bool = false
    ) -> (text: String, lineMap: ProgramLineMap?) {
        let file = fileName(for: lesson)
        var lineMap = layoutIndependent ? ProgramLineMap() : nil
        func programLine(_ lessonLine: Int, lineCount: Int) -> Int {
            lineMap?.add(lessonLine: lessonLine, lineCount: lineCount) ?? lessonLine
        }
        var pending = includedInline(of: lesson, cells: cells).filter { !omittedInline.contains($0.index) }[...]
        var program = "import LessonKit\nLessonRuntime.start()\n"
        func emitInline(before line: Int) {
            while let expression = pending.first, expression.line < line {
                pending.removeFirst()
                let region = regionIndex(of: expression, in: lesson)
                program += "LessonRuntime.beginCell(\(region))\n"
                program += "LessonRuntime.inlineValue {\n"
                program += "#sourceLocation(file: \"\(file)\", line: \(programLine(expression.line, lineCount: 1)))\n"
                program += String(repeating: " ", count: expression.codeColumn - 1) + expression.code + "\n"
                program += "#sourceLocation()\n"
                program += "}\n"
                program += "LessonRuntime.endCell(\(region))\n"
            }
        }
        for cell in cells {
            emitInline(before: cell.openingFenceLine)
            program += "LessonRuntime.beginCell(\(cell.index))\n"
            if !omitted.contains(cell.index) {
                let guarded = isolated.contains(cell.index)
                if guarded {
                    program += "if LessonRuntime.enterIsolatedCell(\(cell.index), timeout: \(timeouts[cell.index] ?? 60)) {\n"
                }
                let source = replaced[cell.index] ?? cell.source
                let lineCount = source.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + 1
                program += "#sourceLocation(file: \"\(file)\", line: \(programLine(cell.firstSourceLine, lineCount: lineCount)))\n"
                program += source
                if !source.isEmpty && !source.hasSuffix("\n") { program += "\n" }
                program += "#sourceLocation()\n"
                if guarded { program += "LessonRuntime.leaveIsolatedCell(\(cell.index))\n}\n" }
            }
            program += "LessonRuntime.endCell(\(cell.index))\n"
        }
        emitInline(before: Int.max)
        program += "LessonRuntime.finish()\n"
        return (program, lineMap)
    }

    /// Whether code in `lesson` names its own lines (`#line`, `#sourceLocation`): a program whose lines are
    /// numbered by a ``ProgramLineMap`` would show them the map's numbers, so such a lesson keeps its own.
    static func usesLineDirectives(_ lesson: Lesson) -> Bool {
        // Searched by bytes: a lesson of 40,000 cells is searched on every run.
        let directive = Array("#line".utf8), location = Array("#sourceLocation".utf8)
        return lesson.cells.contains { $0.source.containsBytes(directive) || $0.source.containsBytes(location) }
            || lesson.inlineExpressions.contains { $0.code.containsBytes(directive) || $0.code.containsBytes(location) }
    }

    /// The file name the program's `#sourceLocation`s give (so compiler errors, traps and checks name it): the
    /// lesson's display path, with any character a Swift string literal or a diagnostic line cannot carry as it
    /// is (`"`, `\`, control characters) replaced by `_`. ``LessonExecutor`` turns it back into the display path in
    /// every output.
    static func fileName(for lesson: Lesson) -> String {
        String(String.UnicodeScalarView(lesson.displayPath.unicodeScalars.map { scalar in
            scalar == "\"" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F ? "_" : scalar
        }))
    }

    /// The inline expressions a program of `cells` (the lesson's first cells) reaches: those above the first
    /// cell left out.
    static func includedInline(of lesson: Lesson, cells: ArraySlice<CodeCell>) -> [InlineExpression] {
        guard cells.endIndex < lesson.cells.endIndex else { return lesson.inlineExpressions }
        let stop = lesson.cells[cells.endIndex].openingFenceLine
        return lesson.inlineExpressions.filter { $0.line < stop }
    }

    /// The output region an inline expression writes to: numbered after the lesson's cells.
    static func regionIndex(of expression: InlineExpression, in lesson: Lesson) -> Int {
        lesson.cells.count + expression.index
    }
}
