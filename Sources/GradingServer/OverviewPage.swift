import Gradebook

/// `/`: for each lesson, its submissions and tampering flags, and for each exercise how many answers there are,
/// how many are graded by hand or pending, how many could not be used by the autograder, and the distribution
/// of scores; then every student, with a link to their page.
enum OverviewPage {
    static func render(_ state: GradingState, csrf: String) throws -> HTML {
        let names = try state.names()
        let totals = Dictionary(grouping: try state.gradebook.exerciseTotals()) { "\($0.lesson)\u{0}\($0.exerciseId)" }
        var sections: [HTML] = []
        for lesson in try state.gradebook.lessons() {
            let flags = try state.gradebook.submissionFlags(lesson: lesson)
            let tampered = flags.filter(\.tampered).count
            var rows: [HTML] = []
            let exercises = state.catalog.lessons[lesson]?.exercises ?? []
            let known = Set(exercises.map(\.id))
            let fromTests = Set(totals.keys.filter { $0.hasPrefix(lesson + "\u{0}") }.map { String($0.split(separator: "\u{0}")[1]) })
            for exercise in exercises.map({ ($0.id, $0.isManual, $0.points) }) + fromTests.subtracting(known).sorted().map({ ($0, false, 0.0) }) {
                let (id, manual, points) = exercise
                let failures = flags.filter { $0.failed.contains(id) }.count
                if manual {
                    let grades = try state.gradebook.manualGrades(lesson: lesson, exercise: id).values.filter(\.isGraded)
                    let scores = grades.map(\.points)
                    rows.append("""
                        <tr><th scope="row"><a href="/grade/\(lesson)/\(id)">\(id)</a></th><td>written, \(points: points)</td>
                        <td>\(flags.count)</td><td>\(grades.count) graded by hand, \(max(flags.count - grades.count, 0)) pending</td>
                        <td>\(failures)</td><td>\(ScoreHistogram.svg(scores, maximum: points))</td></tr>
                        """)
                } else {
                    let rowsOfExercise = totals["\(lesson)\u{0}\(id)"] ?? []
                    let maximum = rowsOfExercise.map(\.maxPoints).max() ?? points
                    rows.append("""
                        <tr><th scope="row">\(id)</th><td>tests, \(points: maximum)</td><td>\(rowsOfExercise.count)</td>
                        <td>autograded</td><td>\(failures)</td><td>\(ScoreHistogram.svg(rowsOfExercise.map(\.points), maximum: maximum))</td></tr>
                        """)
                }
            }
            let problem: HTML = state.catalog.lessons[lesson] == nil
                ? "<p class=\"problem\">Lessons/\(lesson).md cannot be read: written answers cannot be graded.</p>" : ""
            sections.append("""
                <section class="lesson"><h2>\(lesson)</h2>
                <p>\(flags.count) submissions; \(tampered) with changed locked cells or options (tampering flags).</p>
                \(problem)
                <table><thead><tr><th>exercise</th><th>kind, points</th><th>submissions</th><th>graded</th>
                <th>autograde failures</th><th>scores</th></tr></thead><tbody>\(rows)</tbody></table>
                </section>
                """)
        }
        let students: [HTML] = try state.gradebook.students().map { student -> HTML in
            "<li><a href=\"/student/\(names.key(student))\">\(state.shown(student, names))</a></li>"
        }.sorted { $0.text < $1.text }
        let content: HTML = """
            <main><h1>Grading</h1>
            \(sections)
            <section><h2>Students</h2><ul class="students">\(students)</ul></section>
            </main>
            """
        return PageLayout.page(title: "Overview", csrf: csrf, anonymous: state.anonymous, content: content)
    }
}
