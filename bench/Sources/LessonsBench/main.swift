// Times parsing and splicing a large generated lesson: `LessonsBench parse-splice [megabytes] [repetitions]`.
// Prints one line per repetition (milliseconds) and the median; used by bench/runner/bench.py.
import Foundation
import LessonModel
import LessonParsing
import LessonWriting

/// A lesson of about `bytes` bytes: prose with math, and cells each followed by a previous output block.
func generatedLesson(bytes: Int) -> String {
    var text = "---\ntitle: Large generated lesson\nseed: 1\n---\n\n"
    var cell = 0
    while text.utf8.count < bytes {
        cell += 1
        text += """
            ## Section \(cell)

            The evidence lower bound satisfies $\\log p(x) = \\mathrm{ELBO}(q) + \\mathrm{KL}(q \\| p(z \\mid x))$, and
            the chain rule gives $p(x) = \\prod_i p(x_i \\mid x_{<i})$ for every ordering of the pixels; naïve café.

            ```{swift}
            //| id: cell-\(cell)-work
            //| caption: "Figure \(cell)"
            let values\(cell) = (0..<100).map { Double($0) * 0.5 }
            print(values\(cell).reduce(0, +))
            ```

            <!-- lessons:output id=cell-\(cell)-work hash=0000000000000000 status=ok -->

            ```output
            2475.0
            ```

            <!-- lessons:end -->


            """
    }
    return text
}

let arguments = CommandLine.arguments
let megabytes = arguments.count > 2 ? Double(arguments[2]) ?? 1 : 1
let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
let bytes = Array(generatedLesson(bytes: Int(megabytes * 1_000_000)).utf8)
var times: [Double] = []
var cellCount = 0
for _ in 0..<repetitions {
    let start = DispatchTime.now().uptimeNanoseconds
    guard let lesson = LessonParser.parse(bytes, displayPath: "Lessons/large.md").0 else {
        fatalError("the generated lesson does not parse")
    }
    var blocks: [Int: [String]] = [:]
    let name = lesson.name
    for cell in lesson.cells {
        let output = CellOutput(outcome: .succeeded, items: [.standardOutput("2475.0\n")])
        blocks[cell.index] = OutputRenderer.lines(for: output, cell: cell, lesson: name, hash: "1111111111111111")
    }
    let spliced = OutputSplicer.splice(lesson, blocks: blocks)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    precondition(spliced.count > bytes.count / 2)
    cellCount = lesson.cells.count
    times.append(elapsed)
    print(String(format: "%.2f ms", elapsed))
}
let sorted = times.sorted()
print(String(format: "parse+splice %.2f MB, %d cells: median %.2f ms", Double(bytes.count) / 1e6, cellCount, sorted[sorted.count / 2]))
