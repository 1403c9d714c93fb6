import Foundation
import Gradebook
import Grading
import LessonModel

/// One student's feedback page for one lesson: their code, each test with its points and message, manual
/// scores with comments and the rubric they were given by, and the total. Everything from the submission is
/// HTML-escaped; hidden tests are named with their points, whether they passed and a reason from a fixed list
/// (``HiddenTestReason``): never their code, values or messages.
enum FeedbackPage {
    /// - Parameter written: the lesson's written answers and their points, by exercise id (from the lesson in the
    ///   project), so that the total says what the lesson is worth and which answers are not graded yet.
    static func html(
        entry: GradebookEntry, manual: [ManualScore], rubrics: [String: String] = [:], written: [String: Double] = [:]
    ) -> String {
        let report = entry.report
        let manualPoints = manual.reduce(0) { $0 + $1.points }
        let earned = (report.points + manualPoints) * (1 - entry.latePenalty)
        let writtenMax = written.values.reduce(0, +)
        let ungraded = written.keys.filter { id in !manual.contains { $0.exerciseId == id } }.sorted()
        let writtenPart = written.isEmpty
            ? (manual.isEmpty ? "" : ", written answers \(format(manualPoints))")
            : ", written answers \(format(manualPoints)) / \(format(writtenMax))"
                + (ungraded.isEmpty ? "" : ", \(ungraded.count) not graded yet")
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Feedback: \(escape(report.lesson)) — \(escape(report.student))</title>
            <style>
            :root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; }
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }
            pre { background: color-mix(in srgb, currentColor 8%, transparent); padding: .75rem; overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #8884; padding: .3rem .5rem; text-align: left; }
            .passed { color: var(--ok); } .failed { color: var(--bad); }
            </style>
            </head>
            <body>
            <main>
            <h1>\(escape(report.lesson)): feedback for \(escape(report.student))</h1>
            <p><strong>Total: \(format(earned)) of \(pointsText(report.maxPoints + writtenMax))</strong>
            (tests \(format(report.points)) / \(format(report.maxPoints))\(writtenPart)\(entry.latePenalty > 0 ? ", late penalty \(Int((entry.latePenalty * 100).rounded()))%" : ""))</p>

            """
        if !report.tampering.isEmpty {
            html += "<h2>Changed locked cells and options (the originals were graded)</h2>\n<ul>\n"
            html += report.tampering.map { "<li>\(escape($0))</li>\n" }.joined()
            html += "</ul>\n"
        }
        // Exercises with code, and those only tests name (a submission that was rejected or does not parse).
        for exercise in Set(report.exerciseCode.keys).union(report.results.map(\.exerciseId)).union(written.keys).sorted() {
            html += "<section>\n<h2>Exercise <code>\(escape(exercise))</code></h2>\n"
            if let code = report.exerciseCode[exercise] {
                html += "<pre><code>\(escape(code))</code></pre>\n"
            }
            if let failure = report.exerciseFailures[exercise] {
                html += "<p class=\"failed\">Your code could not be used: \(escape(failure))</p>\n"
            }
            let tests = report.results.filter { $0.exerciseId == exercise }
            if !tests.isEmpty {
                html += "<table>\n<thead><tr><th>test</th><th>points</th><th>result</th></tr></thead>\n<tbody>\n"
                for (position, test) in tests.enumerated() {
                    // By position in its exercise, as the student reads the lesson; an id the author gave is kept.
                    let generated = test.testId.hasPrefix("cell-") && test.testId.dropFirst(5).allSatisfy(\.isNumber)
                    let name = "test \(position + 1)" + (generated ? "" : " <code>\(escape(test.testId))</code>")
                        + (test.isHidden ? " (hidden)" : "")
                    let result = test.passed ? "<span class=\"passed\">passed</span>" : "<span class=\"failed\">failed: \(escape(test.message))</span>"
                    html += "<tr><td>\(name)</td><td>\(format(test.points)) / \(format(test.maxPoints))</td><td>\(result)</td></tr>\n"
                }
                html += "</tbody>\n</table>\n"
            }
            if let points = written[exercise], !manual.contains(where: { $0.exerciseId == exercise }) {
                html += "<p>Written answer, worth \(pointsText(points)): not graded yet.</p>\n"
            }
            if let score = manual.first(where: { $0.exerciseId == exercise }) {
                let worth = written[exercise].map { " of \(format($0))" } ?? ""
                html += "<p>Graded by hand: \(format(score.points))\(worth) \(score.points == 1 && worth.isEmpty ? "point" : "points"). \(escape(score.comment))</p>\n"
                if !score.rubricItems.isEmpty {
                    // The rubric items the grader applied, and what they adjusted beyond them.
                    html += "<ul class=\"rubric-items\">\n" + score.rubricItems.map {
                        "<li>\(signed($0.points)): \(escape($0.description))</li>\n"
                    }.joined()
                    if score.adjustment != 0 { html += "<li>\(signed(score.adjustment)): adjustment</li>\n" }
                    html += "</ul>\n"
                }
                if let rubric = rubrics[exercise] {
                    html += "<details class=\"rubric\"><summary>How this answer was graded</summary>\n"
                        + "<pre>\(escape(rubric))</pre></details>\n"
                }
            }
            html += "</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// `+1`, `-0.50`.
    static func signed(_ points: Double) -> String { (points < 0 ? "" : "+") + format(points) }

    /// `1 point`, `2.5 points`.
    static func pointsText(_ points: Double) -> String { "\(format(points)) \(points == 1 ? "point" : "points")" }
}
