import Gradebook

/// `/student/<key>`: every exercise of one student, lesson by lesson, with the points from tests and by hand, the
/// totals, and a link to the feedback page `lessons feedback` would write.
enum StudentPage {
    static func render(_ state: GradingState, student: String, csrf: String) throws -> HTML {
        let names = try state.names()
        let key = names.key(student)
        let totals = try state.gradebook.exerciseTotals().filter { $0.student == student }
        let manual = try state.gradebook.manualScores().filter { $0.student == student }
        var sections: [HTML] = []
        let lessons = Set(totals.map(\.lesson)).union(manual.map(\.lesson)).sorted()
        for lesson in lessons {
            var rows: [HTML] = []
            var earned = 0.0, worth = 0.0
            for total in totals where total.lesson == lesson {
                earned += total.points
                worth += total.maxPoints
                rows.append("<tr><th scope=\"row\">\(total.exerciseId)</th><td>tests</td><td>\(points: total.points) / \(points: total.maxPoints)</td></tr>")
            }
            for exercise in state.catalog.lessons[lesson]?.exercises.filter(\.isManual) ?? [] {
                let score = manual.first { $0.lesson == lesson && $0.exerciseId == exercise.id }
                earned += score?.points ?? 0
                worth += exercise.points
                let shown: HTML = score.map { "\(points: $0.points)" } ?? "pending"
                rows.append("""
                    <tr><th scope="row"><a href="/grade/\(lesson)/\(exercise.id)">\(exercise.id)</a></th><td>by hand</td>
                    <td>\(shown) / \(points: exercise.points)</td></tr>
                    """)
            }
            sections.append("""
                <section><h2>\(lesson)</h2>
                <table><thead><tr><th>exercise</th><th>graded</th><th>points</th></tr></thead><tbody>\(rows)
                <tr class="total"><th scope="row">total</th><td></td><td>\(points: earned) / \(points: worth)</td></tr></tbody></table>
                <p><a href="/student/\(key)/feedback/\(lesson)">Feedback page preview</a> (before any late penalty)</p>
                </section>
                """)
        }
        let content: HTML = "<main><h1>\(state.shown(student, names))</h1>\(sections)</main>"
        return PageLayout.page(title: state.shown(student, names), csrf: csrf, anonymous: state.anonymous, content: content)
    }
}
