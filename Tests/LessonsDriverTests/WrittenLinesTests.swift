import LessonModel
import LessonParsing
import Testing
import TestSupport
@testable import LessonsDriver

/// Every line outside output blocks maps to the same line of the other file, whatever blocks either file has.
struct WrittenLinesTests {
    /// A lesson of `cells` cells, each followed by an output block of `blockLines[i]` lines (nil: no block), with
    /// prose lines between them.
    func lesson(_ blockLines: [Int?], prose: [Int]) -> Lesson {
        var text = "---\ntitle: T\n---\n"
        for (index, lines) in blockLines.enumerated() {
            text += String(repeating: "prose \(index)\n", count: prose[index]) + "\n"
            text += "```{swift}\n//| id: c\(index)\nprint(\(index))\n```\n"
            if let lines {
                text += "\n<!-- lessons:output id=c\(index) hash=0000000000000000 status=ok -->\n\n```output\n"
                text += String(repeating: "x\n", count: lines) + "```\n\n<!-- lessons:end -->\n"
            }
        }
        text += "\nthe end\n"
        return LessonParser.parse(Array(text.utf8), displayPath: "Lessons/t.md").0!
    }

    @Test func cellLinesMapToTheirLinesInTheWrittenFile() {
        var random = TestRandom(seed: 6)
        for _ in 0..<300 {
            let count = Int.random(in: 1...6, using: &random)
            let prose = (0..<count).map { _ in Int.random(in: 0...3, using: &random) }
            let block = { (random: inout TestRandom) -> Int? in random.chance(0.3) ? nil : Int.random(in: 0...5, using: &random) }
            let read = lesson((0..<count).map { _ in block(&random) }, prose: prose)
            let written = lesson((0..<count).map { _ in block(&random) }, prose: prose)
            let lines = WrittenLines(read: read, written: written)
            for (before, after) in zip(read.cells, written.cells) {
                #expect(lines.line(before.openingFenceLine) == after.openingFenceLine)
                #expect(lines.line(before.firstSourceLine + 1) == after.firstSourceLine + 1)
            }
            let text = "Lessons/t.md:\(read.cells.last!.firstSourceLine):3: error: x (Lessons/t.md:1)"
            #expect(lines.relocate(text, file: "Lessons/t.md")
                == "Lessons/t.md:\(written.cells.last!.firstSourceLine):3: error: x (Lessons/t.md:1)")
        }
    }
}
