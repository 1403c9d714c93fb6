import Foundation
import LessonModel
import LessonParsing

/// A lesson of the course (`Lessons/<name>`), parsed: its lines, its cells, and the lines of its checks.
struct CourseLesson {
    /// The package's `Lessons/` folder.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons")

    /// Every lesson file of the course, sorted.
    static var all: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    let name: String
    let text: String
    let lesson: Lesson
    /// The lines of the file, without their line ends (line n is `lines[n - 1]`).
    let lines: [String]
    /// Every line of a cell that starts a check: a call of `check(` or `checkEqual(` (with or without
    /// `LessonKit.`) or a derivation step after the first (`.step("= `), which a failed comparison reports at.
    /// Found once: `CheckMutationTests` asks for them while sorting its mutations, when the test run is planned
    /// (found on every call, they held every `swift test` for 69 s before its first test).
    let checkLines: [Int]

    init(_ name: String) throws {
        self.name = name
        text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        let (parsed, diagnostics) = LessonParser.parse(Array(text.utf8), displayPath: "Lessons/\(name)")
        guard let parsed else { throw CourseLessonError.unparsable(name, diagnostics.map(\.message)) }
        lesson = parsed
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.lines = lines
        checkLines = parsed.cells.flatMap { cell in
            ((cell.openingFenceLine + 1)..<cell.closingFenceLine).filter { Self.startsCheck(lines[$0 - 1]) }
        }
    }

    /// The cell with this id.
    func cell(_ id: String) -> CodeCell? { lesson.cells.first { $0.id == id } }

    /// The cell whose body holds `line`.
    func cell(holding line: Int) -> CodeCell? {
        lesson.cells.first { $0.openingFenceLine < line && line < $0.closingFenceLine }
    }

    /// The body lines of `cell` (between its fences, option lines included), numbered as in the file.
    func body(of cell: CodeCell) -> [(line: Int, text: String)] {
        ((cell.openingFenceLine + 1)..<cell.closingFenceLine).map { ($0, lines[$0 - 1]) }
    }

    static func startsCheck(_ line: String) -> Bool {
        let code = line.trimmingCharacters(in: .whitespaces)
        if code.hasPrefix("//") { return false }
        if line.contains(".step(\"= ") { return true }
        return line.range(of: #"(^|[^A-Za-z0-9_])check(Equal)?\("#, options: .regularExpression) != nil
    }
}
