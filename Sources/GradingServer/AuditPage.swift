import Gradebook

/// `/audit/<lesson>/<exercise>`: every change to the exercise's hand-given grades, oldest first.
enum AuditPage {
    static func render(_ state: GradingState, lesson: String, exercise: String, csrf: String) throws -> HTML {
        let names = try state.names()
        let rows: [HTML] = try state.gradebook.audit(lesson: lesson, exercise: exercise).map { entry in
            let old: HTML = entry.oldPoints.map { "\(points: $0)" } ?? "—"
            return """
                <tr><td>\(entry.at)</td><td>\(entry.who)</td><td>\(state.shown(entry.student, names))</td><td>\(entry.change)</td>
                <td>\(old) → \(points: entry.newPoints)</td><td>\(entry.oldValue) → \(entry.newValue)</td></tr>
                """
        }
        let content: HTML = """
            <main><h1>Audit of \(lesson): <code>\(exercise)</code></h1>
            <table class="audit"><thead><tr><th>when</th><th>who</th><th>student</th><th>change</th><th>points</th>
            <th>value</th></tr></thead><tbody>\(rows)</tbody></table></main>
            """
        return PageLayout.page(title: "Audit", csrf: csrf, anonymous: state.anonymous, content: content)
    }
}
