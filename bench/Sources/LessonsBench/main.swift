// Benchmark harnesses, used by the scripts under bench/:
//   LessonsBench parse-splice [megabytes] [repetitions]   times parsing and splicing a large generated lesson;
//   LessonsBench gradebook STUDENTS LESSONS PATH           writes a generated gradebook for `lessons grades`;
//   LessonsBench math [pages] [repetitions]                times scanning and converting the math of generated pages;
//   LessonsBench math-gallery OUT.html                     writes a page of every TeX construct (Tests/Browser);
//   LessonsBench site-pages COUNT DIR                      writes generated pages for the site benchmark (bench/site);
//   LessonsBench large-lesson MEGABYTES PATH               writes the generated lesson, run and up to date (bench/large).
import Foundation
import Gradebook
import Grading
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
if arguments.count > 1 && arguments[1] == "math" {
    try runMathBenchmark(pages: arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000, repetitions: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
    exit(0)
}
if arguments.count > 2 && arguments[1] == "math-gallery" {
    try mathGalleryPage().write(toFile: arguments[2], atomically: true, encoding: .utf8)
    exit(0)
}
if arguments.count > 3 && arguments[1] == "site-pages" {
    try writeSitePages(count: Int(arguments[2]) ?? 1000, directory: arguments[3])
    exit(0)
}
if arguments.count > 3 && arguments[1] == "large-lesson" {
    try writeLargeLesson(megabytes: Double(arguments[2]) ?? 20, path: arguments[3])
    exit(0)
}
if arguments.count > 1 && arguments[1] == "gradebook" {
    let students = Int(arguments[2]) ?? 1000, lessons = Int(arguments[3]) ?? 6
    let gradebook = try Gradebook(path: arguments[4])
    for student in 0..<students {
        for lesson in 0..<lessons {
            let results = (0..<4).map { test in
                TestResult(exerciseId: "exercise-\(test / 2)", testId: "test-\(test)", isHidden: test % 2 == 1,
                    points: (student + test) % 3 == 0 ? 0 : 1, maxPoints: 1, message: (student + test) % 3 == 0 ? "check failed" : "")
            }
            let report = GradeReport(
                student: String(format: "s%04d", student), lesson: String(format: "%02d-lesson", lesson),
                contentHash: "\(student)-\(lesson)", testsHash: "tests", results: results, tampering: [],
                exerciseFailures: [:], exerciseCode: ["exercise-0": "func f() {}", "exercise-1": "func g() {}"], sandboxed: true)
            try gradebook.record(report, receivedAt: Date(timeIntervalSince1970: 1_800_000_000), latePenalty: 0)
        }
        try gradebook.setManualScore(student: String(format: "s%04d", student), lesson: "00-lesson", exercise: "essay", points: 1, comment: "ok")
    }
    exit(0)
}
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
