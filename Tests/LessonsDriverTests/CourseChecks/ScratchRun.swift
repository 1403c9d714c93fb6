import Foundation
import TestSupport

/// One `lessons run` of a lesson text in a scratch project that sees the course's `Assets/` (through a link),
/// and the lines at which it failed.
struct ScratchRun {
    /// The command's result.
    let result: LessonsCommandRunner.Result
    /// Every line the run reported an error at (`Lessons/<name>:<line>:…: error:`), on standard error (a cell's
    /// first failure) or in the outputs it wrote (every failed check of every cell), sorted, without repeats.
    /// These are lines of the file as the run wrote it, with its outputs: see ``failedLineTexts``.
    let failedLines: [Int]
    /// The text of each of ``failedLines`` in the written file: the code line that failed.
    let failedLineTexts: [String]
    /// Wall-clock seconds the command took.
    let seconds: Double

    /// Runs `text` as `Lessons/<name>`.
    init(_ text: String, name: String) throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(
            at: project.root.appendingPathComponent("Assets"),
            withDestinationURL: CourseLesson.folder.deletingLastPathComponent().appendingPathComponent("Assets"))
        try project.write(name, text)
        let start = Date()
        result = try LessonsCommandRunner(project: project).run(["run", "Lessons/\(name)", "--force"])
        seconds = Date().timeIntervalSince(start)
        let writtenText = (try? project.read(name)) ?? text
        failedLines = Set(Self.errorLines(in: result.standardError, name: name) + Self.errorLines(in: writtenText, name: name)).sorted()
        let written = writtenText.split(separator: "\n", omittingEmptySubsequences: false)
        failedLineTexts = failedLines.map { $0 >= 1 && $0 <= written.count ? String(written[$0 - 1]) : "" }
    }

    /// The lines of `Lessons/<name>:<line>:<column>: error:` reports in `text`.
    static func errorLines(in text: String, name: String) -> [Int] {
        let pattern = "Lessons/" + NSRegularExpression.escapedPattern(for: name) + #":([0-9]+):[0-9]+: error:"#
        let expression = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).flatMap { Int(text[$0]) }
        }
    }
}
