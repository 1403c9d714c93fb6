import Grading
import LessonModel
import LessonParsing
import PropertyBased
import Testing
import TestSupport

/// No line of a solution reaches the student: over generated exercise cells whose solutions hold typed locals,
/// nested functions, closures, loops and top-level declarations, in function bodies, closures and at the top level.
@Suite struct StubLeakPropertyTests {
    /// A generated instructor's lesson: its text, and each solution region's lines with the literals they hold.
    struct Generated {
        var text: String
        /// Every line inside a solution region, with whether a stub may keep it on purpose (the signature of a
        /// function declared at the top level of a cell, which later cells call).
        var solutionLines: [(line: String, keptOnPurpose: Bool)]
        var literals: [String]
        /// Names declared inside bodies of code (typed locals, nested functions, closures): none may reach the copy.
        var localNames: [String]
    }

    /// Writes solutions whose every line holds a literal of its own, so a leaked line cannot hide.
    struct Writer {
        var random: TestRandom
        var counter = 0
        var literals: [String] = []
        var localNames: [String] = []

        mutating func literal() -> String {
            counter += 1
            let value = "\(7_000 + counter * 13 + Int(random.next() % 13)).\(10 + Int(random.next() % 89))"
            literals.append(value)
            return value
        }

        /// Statements of a body: typed locals, nested functions, closures, loops; `x` is in scope.
        mutating func body(_ tag: String) -> [String] {
            var lines: [String] = []
            for index in 0..<(1 + Int(random.next() % 4)) {
                let name = "\(tag)_\(index)"
                localNames += ["means_", "scale_", "helper_", "t_", "g_", "h_"].map { $0 + name }
                switch random.next() % 6 {
                case 0: lines.append("var means_\(name): [Double] = [\(literal()), x]")
                case 1: lines.append("let scale_\(name): Double = x * \(literal())")
                case 2: lines += ["func helper_\(name)(_ y: Double) -> Double {", "    let t_\(name): Double = y + \(literal())",
                                  "    return t_\(name) * \(literal())", "}"]
                case 3: lines.append("let g_\(name): (Double) -> Double = { $0 - \(literal()) }")
                case 4: lines += ["let h_\(name) = { (y: Double) -> Double in", "    y / \(literal())", "}"]
                default: lines += ["for v in [x, \(literal())] {", "    _ = v + \(literal())", "}"]
                }
            }
            return lines + ["return x * \(literal())"]
        }
    }

    static func generate(seed: UInt64) -> Generated {
        var writer = Writer(random: TestRandom(seed: seed))
        var text = "---\ntitle: Generated\n---\n\n"
        var solutionLines: [(String, Bool)] = []
        for exercise in 0..<(1 + Int(writer.random.next() % 3)) {
            let indent = writer.random.chance(0.5) ? "    " : "  "
            var cell = ["//| exercise: e\(exercise)"]
            switch writer.random.next() % 4 {
            case 0:  // in a function's body
                let body = writer.body("f\(exercise)")
                cell += ["func f\(exercise)(_ x: Double) -> Double {", indent + "// BEGIN SOLUTION"]
                cell += body.map { indent + $0 } + [indent + "// END SOLUTION", "}"]
                solutionLines += body.map { ($0, false) }
            case 1:  // in a closure's body at the top level
                let body = writer.body("c\(exercise)")
                cell += ["let f\(exercise): (Double) -> Double = { x in", indent + "// BEGIN SOLUTION"]
                cell += body.map { indent + $0 } + [indent + "// END SOLUTION", "}"]
                solutionLines += body.map { ($0, false) }
            case 2:  // in a method's body
                let body = writer.body("m\(exercise)")
                cell += ["struct Model\(exercise) {", "    func f(_ x: Double) -> Double {", "        // BEGIN SOLUTION"]
                cell += body.map { "        " + $0 } + ["        // END SOLUTION", "    }", "}"]
                solutionLines += body.map { ($0, false) }
            default:  // at the top level: typed lets and vars, and functions (whose signatures stay)
                var region = ["let answer\(exercise): Double = \(writer.literal())",
                              "var table\(exercise): [Double] = [\(writer.literal()), \(writer.literal())]"]
                let body = writer.body("t\(exercise)")
                region += ["func top\(exercise)(_ x: Double) -> Double {"] + body.map { "    " + $0 } + ["}"]
                cell += ["// BEGIN SOLUTION"] + region + ["// END SOLUTION"]
                solutionLines += region.map { ($0, $0.hasPrefix("func top")) }
            }
            text += "```{swift}\n" + cell.joined(separator: "\n") + "\n```\n\n"
            text += "```{swift}\n//| test: e\(exercise)\n//| points: 1\nprint(\(exercise))\n```\n\n"
        }
        return Generated(
            text: text, solutionLines: solutionLines, literals: writer.literals, localNames: writer.localNames)
    }

    @Test func noLineOfASolutionReachesTheStudentCopyOrTheSite() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let generated = Self.generate(seed: seed)
            guard let lesson = LessonParser.parse(Array(generated.text.utf8), displayPath: "Lessons/g.md").0 else {
                Issue.record("the generated lesson does not parse:\n\(generated.text)")
                return
            }
            let (markup, problems) = GradingMarkupParser.parse(lesson)
            #expect(problems.isEmpty, "\(problems)")
            // The copy students get, and the text the site renders (the same edits, applied as the site does).
            let copy = String(decoding: StudentCopy.make(from: lesson, markup: markup), as: UTF8.self)
            let site = String(
                decoding: LineEdit.apply(StudentCopy.edits(from: lesson, markup: markup), to: lesson.source), as: UTF8.self)
            for released in [copy, site] {
                let lines = Set(released.split(separator: "\n").map { String($0.trimmingWhitespace()) })
                for (line, kept) in generated.solutionLines where !kept && line[...].trimmingWhitespace() != "}" {
                    #expect(!lines.contains(String(line[...].trimmingWhitespace())), "leaked `\(line)`:\n\(released)")
                }
                for literal in generated.literals {
                    #expect(!released.contains(literal), "leaked \(literal):\n\(released)")
                }
                for name in generated.localNames {
                    #expect(!released.contains(name), "leaked the local name \(name):\n\(released)")
                }
            }
        }
    }
}
