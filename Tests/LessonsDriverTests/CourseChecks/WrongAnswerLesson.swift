import Foundation
import LessonModel

/// One lesson that runs an exercise's tests against many answers at once, so a single compile covers them all:
/// the exercise cell and its test cells are copied once per answer, with the exercise's names renamed per copy
/// (`posterior` becomes `posterior_v3`) and each test cell in its own `do { }` scope, as the grader scopes test
/// cells. Answers are the solution under several seeds (`SeededGenerator(seed: n)` in the tests becomes
/// `n + 1000 k`, `SeededGenerator()` becomes seed `1000 k + 1`; k = 0 keeps the lesson's own) and the wrong ones.
/// The run reports lines of the file as it writes it, outputs included, so every copied line ends in a tag
/// (`// answers:<line>`) naming its line in the generated text: ``line(tagged:)`` reads it back.
struct WrongAnswerLesson {
    /// One copy of the exercise and its tests.
    struct Copy {
        /// "solution, seed variant k" or the wrong answer's mistake.
        let label: String
        let isSolution: Bool
        /// The copy's lines in the generated lesson: every line of the exercise cell and its test cells.
        var lines: ClosedRange<Int> = 0...0
        /// Generated line → the line of the course lesson it was copied from, for the test cells' lines.
        var testLines: [Int: Int] = [:]
        /// Generated lines inside hidden test cells.
        var hiddenLines: Set<Int> = []
    }

    let text: String
    let copies: [Copy]

    init(_ exercise: ExerciseCase, lesson: CourseLesson, seeds: Int) throws {
        guard let exerciseCell = lesson.lesson.cells.first(where: { $0.options.exercise == exercise.exercise }) else {
            throw WrongAnswerLessonError.missing("exercise cell '\(exercise.exercise)'")
        }
        let testCells = lesson.lesson.cells.filter { $0.options.test == exercise.exercise }
        guard !testCells.isEmpty else { throw WrongAnswerLessonError.missing("test cells of '\(exercise.exercise)'") }
        var out = ["---", "title: Answers to \(exercise.exercise)", "seed: \(lesson.lesson.frontMatter.seed ?? 1)", "---", ""]
        func cell(_ body: [String]) { out += ["```{swift}"] + body + ["```", ""] }
        cell(["import Foundation"])
        for id in exercise.context {
            guard let context = lesson.cell(id) else { throw WrongAnswerLessonError.missing("context cell '\(id)'") }
            cell(Self.code(lesson.body(of: context)).map(\.text))
        }
        var answers: [(label: String, body: String?, seedVariant: Int)] = (0..<seeds).map { ("solution, seed variant \($0)", nil, $0) }
        answers += exercise.wrongAnswers.map { ($0.mistake, $0.body, 0) }
        var copies: [Copy] = []
        for (index, answer) in answers.enumerated() {
            var copy = Copy(label: answer.label, isSolution: answer.body == nil)
            let first = out.count + 1
            let suffix = "_v\(index)"
            var exerciseLines = Self.code(lesson.body(of: exerciseCell)).map(\.text)
            if let body = answer.body { exerciseLines = try Self.replacingSolution(in: exerciseLines, with: body) }
            out.append("```{swift}")
            for line in exerciseLines { out.append(Self.renaming(exercise.names, suffix: suffix, in: line) + " // answers:\(out.count + 1)") }
            out += ["```", ""]
            for test in testCells {
                let body = Self.code(lesson.body(of: test))
                let hidden = body.contains { $0.text.contains("BEGIN HIDDEN TESTS") }
                out += ["```{swift}", "do {"]
                for (line, text) in body {
                    let renamed = Self.renaming(exercise.names, suffix: suffix, in: Self.reseeding(text, variant: answer.seedVariant))
                    out.append(renamed + " // answers:\(out.count + 1)")
                    copy.testLines[out.count] = line
                    if hidden { copy.hiddenLines.insert(out.count) }
                }
                out += ["}", "```", ""]
            }
            copy.lines = first...out.count
            copies.append(copy)
        }
        text = out.joined(separator: "\n")
        self.copies = copies
    }

    /// The generated line a line of the written file was copied from, by its tag.
    static func line(tagged text: String) -> Int? {
        guard let tag = text.range(of: " // answers:", options: .backwards) else { return nil }
        return Int(text[tag.upperBound...])
    }

    /// The cell's body without its `//|` option lines.
    static func code(_ body: [(line: Int, text: String)]) -> [(line: Int, text: String)] {
        Array(body.drop { $0.text.hasPrefix("//|") })
    }

    /// The lines with everything between `// BEGIN SOLUTION` and `// END SOLUTION` replaced by `body`.
    static func replacingSolution(in lines: [String], with body: String) throws -> [String] {
        guard let begin = lines.firstIndex(where: { $0.contains("// BEGIN SOLUTION") }),
            let end = lines.firstIndex(where: { $0.contains("// END SOLUTION") }), begin < end
        else { throw WrongAnswerLessonError.missing("solution region") }
        return Array(lines[...begin]) + body.split(separator: "\n").map { "    " + $0 } + Array(lines[end...])
    }

    /// `text` with each whole-word occurrence of `names` followed by `suffix` (not after a `.`: `Special.logSumExp`
    /// is LessonKit's).
    static func renaming(_ names: [String], suffix: String, in text: String) -> String {
        names.reduce(text) { text, name in
            text.replacingOccurrences(
                of: "(?<![.A-Za-z0-9_])" + NSRegularExpression.escapedPattern(for: name) + "\\b", with: name + suffix,
                options: .regularExpression)
        }
    }

    /// `text` with its generators' seeds moved to variant `k` (unchanged for k = 0).
    static func reseeding(_ text: String, variant k: Int) -> String {
        guard k > 0 else { return text }
        var result = text.replacingOccurrences(of: "SeededGenerator()", with: "SeededGenerator(seed: \(1000 * k + 1))")
        let expression = try! NSRegularExpression(pattern: #"SeededGenerator\(seed: ([0-9_]+)\)"#)
        for match in expression.matches(in: result, range: NSRange(result.startIndex..., in: result)).reversed() {
            guard let whole = Range(match.range, in: result), let digits = Range(match.range(at: 1), in: result),
                let seed = Int(result[digits].replacingOccurrences(of: "_", with: ""))
            else { continue }
            result.replaceSubrange(whole, with: "SeededGenerator(seed: \(seed + 1000 * k))")
        }
        return result
    }
}
