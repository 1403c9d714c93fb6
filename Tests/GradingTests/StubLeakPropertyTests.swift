import Grading
import LessonModel
import LessonParsing
import PropertyBased
import Testing
import TestSupport

/// No line of a solution reaches the student: over generated exercise cells whose solutions hold typed locals,
/// nested functions, closures, loops and top-level declarations, in function bodies, closures and at the top level.
@Suite struct StubLeakPropertyTests {
    @Test func noLineOfASolutionReachesTheStudentCopyOrTheSite() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let generated = SolutionLessonGenerator.generate(seed: seed)
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
