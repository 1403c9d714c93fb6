import Foundation
import Gradebook
import Grading
import TestSupport

/// A generated class for `lessons grades serve`: `Lessons/means.md` (``FixtureClass/instructor``: auto-graded
/// exercises, of which `mean` is graded here with a visible and a hidden test, and a written answer `explain` of 2
/// points with a rubric) and a gradebook with one graded
/// submission per student, `s0000`, `s0001`, …. Written answers repeat in patterns (so that answer groups form):
/// of every ten students, three write the same answer with different spacing and comment markers, one each of two
/// other common answers, and five an answer of their own. Every 13th submission fails to compile `mean`, every
/// 17th changed a locked cell.
enum GeneratedClass {
    /// The instructor's lesson: the fixture class's (two auto-graded exercises, `explain` by hand with its rubric).
    static var lesson: String { FixtureClass.instructor }

    static let prompt = "// Why does the sample variance divide by n here?\n"

    /// Student `index`'s written answer.
    static func writtenAnswer(_ index: Int) -> String {
        switch index % 10 {
        case 0: prompt + "// Dividing by n gives the maximum-likelihood estimate."
        case 1: prompt + "//   Dividing by n    gives the\n// maximum-likelihood estimate."
        case 2: prompt + "/* Dividing by n gives the maximum-likelihood estimate. */"
        case 3: prompt + "// With n - 1 it would be unbiased."
        case 4: prompt + "// I do not know."
        default: prompt + "// Student \(index): the sample has \(index % 7 + 2) values, so we divide by them."
        }
    }

    /// The student the browser test checks escaping with (`generate … --hostile` adds them).
    static let hostileName = "<img src=x onerror=alert(9)>"
    static let hostileAnswer = prompt + "// <script>alert(1)</script> {{grade}} {{{raw}}}\nlet s = \"</pre><script>alert(2)</script>\""

    /// Writes the class into `folder` (which must not hold a gradebook yet); `hostile` adds ``hostileName``.
    static func write(students: Int, into folder: URL, hostile: Bool = false) throws {
        let lessons = folder.appendingPathComponent("Lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try Data(lesson.utf8).write(to: lessons.appendingPathComponent("means.md"))
        let gradebook = try Gradebook(path: folder.appendingPathComponent("gradebook.sqlite").path)
        for index in 0..<students {
            let broken = index % 13 == 5
            let visible = broken || index % 4 == 1 ? 0.0 : 1.0, hidden = broken || index % 3 == 1 ? 0.0 : 2.0
            let report = GradeReport(
                student: String(format: "s%04d", index), lesson: "means", contentHash: "c\(index)", testsHash: "t",
                results: [
                    TestResult(exerciseId: "mean", testId: "cell-1", isHidden: false, points: visible, maxPoints: 1,
                        message: visible > 0 ? "" : "mean of [1, 2, 3] should be 2"),
                    TestResult(exerciseId: "mean", testId: "cell-2", isHidden: true, points: hidden, maxPoints: 2,
                        message: hidden > 0 ? "" : "a hidden check failed"),
                ],
                tampering: index % 17 == 3 ? ["cell 2 (a test of 'mean') was changed"] : [],
                exerciseFailures: broken ? ["mean": "your code does not compile: cannot find 'total' in scope (line 2)"] : [:],
                exerciseCode: [
                    "mean": broken ? "func mean(_ xs: [Double]) -> Double {\n    total / Double(xs.count)\n}"
                        : "func mean(_ xs: [Double]) -> Double {\n    xs.reduce(0, +) / Double(xs.count)\n}",
                    "explain": writtenAnswer(index),
                ],
                sandboxed: true)
            try gradebook.record(report, receivedAt: Date(timeIntervalSince1970: 1_800_000_000), latePenalty: 0)
        }
        if hostile {
            let report = GradeReport(
                student: hostileName, lesson: "means", contentHash: "hostile", testsHash: "t",
                results: [TestResult(exerciseId: "mean", testId: "cell-1", isHidden: false, points: 0, maxPoints: 1,
                    message: "<script>alert(3)</script> {{x}}")],
                tampering: ["<script>alert(4)</script>"], exerciseFailures: [:],
                exerciseCode: ["mean": "<script>alert(5)</script>", "explain": hostileAnswer], sandboxed: true)
            try gradebook.record(report, receivedAt: Date(timeIntervalSince1970: 1_800_000_000), latePenalty: 0)
        }
    }
}
