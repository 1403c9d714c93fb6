import Gradebook
import Grading
import SiteRendering

/// `/grade/<lesson>/<exercise>?at=N`: grade by question. One answer group at a time: the code highlighted as on
/// the site, why the autograder could not use it, its tests (hidden ones by label and verdict only), the members
/// of the group with their scores, the rubric items (togglable by digit), the comment, the adjustment and a score
/// typed directly. `j`/`k` go to the next and previous group (app.js).
enum QuestionPage {
    static func render(_ state: GradingState, lesson: String, exercise: String, at requested: Int, csrf: String) throws -> HTML? {
        guard let target = state.catalog.manualExercise(lesson: lesson, exercise: exercise) else { return nil }
        let names = try state.names()
        let groups = try state.groups(lesson: lesson, exercise: exercise)
        let all = try state.gradebook.manualGrades(lesson: lesson, exercise: exercise)
        let gradedCount = all.values.filter(\.isGraded).count
        let answerCount = groups.reduce(0) { $0 + $1.members.count }
        let items = try state.gradebook.rubricItems(lesson: lesson, exercise: exercise)
        let header: HTML = """
            <h1>\(lesson): <code>\(exercise)</code>, grade by question</h1>
            <p class="progress">\(answerCount) answers in \(groups.count) groups; \(gradedCount) graded by hand,
            \(max(answerCount - gradedCount, 0)) pending; worth \(points: target.points). <a href="/audit/\(lesson)/\(exercise)">Audit</a></p>
            """
        guard !groups.isEmpty else {
            return PageLayout.page(
                title: "\(lesson) \(exercise)", csrf: csrf, anonymous: state.anonymous,
                content: "<main>\(header)<p>No answers yet.</p></main>")
        }
        let at = min(max(requested, 0), groups.count - 1)
        let group = groups[at]
        let students = group.members.map(\.student)
        let grades = students.map { all[$0] ?? ManualGrade(student: $0, lesson: lesson, exerciseId: exercise) }
        let first = group.members[0]
        let keys = students.map(names.key)
        let data: HTML = """
            data-lesson="\(lesson)" data-exercise="\(exercise)" data-at="\(at)" data-count="\(groups.count)" \
            data-answers="\(keys.joined(separator: " "))" data-versions="\(grades.map { String($0.version) }.joined(separator: " "))"
            """
        let content: HTML = """
            <main id="question" \(data)>
            \(header)
            <h2>Answer group \(at + 1) of \(groups.count) <span class="count">(\(group.members.count) \(group.members.count == 1 ? "answer" : "identical answers"))</span></h2>
            <div class="columns"><div class="answer">
            <pre class="code"><code>\(trusted: SwiftHighlighter.html(first.code))</code></pre>
            \(output(first))
            \(members(group, grades: grades, keys: keys, state: state, names: names))
            </div>
            \(rubric(items, grades: grades, maximum: target.points))
            </div>
            <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous answer · <kbd>1</kbd>–<kbd>9</kbd> rubric items ·
            <kbd>c</kbd> comment · <kbd>a</kbd> adjustment · <kbd>s</kbd> score · <kbd>n</kbd> new rubric item ·
            <kbd>Enter</kbd> saves a field · <kbd>Esc</kbd> leaves it</p>
            </main>
            """
        return PageLayout.page(title: "\(lesson) \(exercise)", csrf: csrf, anonymous: state.anonymous, content: content)
    }

    /// What the autograder said: a failure, the tests (hidden ones by label and verdict only), tampering.
    static func output(_ answer: StoredAnswer) -> HTML {
        var parts: [HTML] = []
        if let failure = answer.failure { parts.append("<p class=\"failed\">Could not be used: </p><pre class=\"output\">\(failure)</pre>") }
        if !answer.tests.isEmpty {
            let rows: [HTML] = answer.tests.enumerated().map { position, test in
                let verdict: HTML = test.passed ? "<span class=\"passed\">passed</span>"
                    : test.isHidden ? "<span class=\"failed\">failed</span>"
                    : "<span class=\"failed\">failed: \(test.message)</span>"
                return "<tr><td>test \(position + 1)\(test.isHidden ? " (hidden)" : "")</td><td>\(points: test.points) / \(points: test.maxPoints)</td><td>\(verdict)</td></tr>"
            }
            parts.append("<table class=\"tests\"><thead><tr><th>test</th><th>points</th><th>result</th></tr></thead><tbody>\(rows)</tbody></table>")
        }
        if !answer.tampering.isEmpty {
            let flags: [HTML] = answer.tampering.map { "<li>\($0)</li>" }
            parts.append("<p class=\"failed\">Tampering flags:</p><ul class=\"tampering\">\(flags)</ul>")
        }
        return parts.isEmpty ? "<p class=\"output\">No output recorded for this exercise.</p>" : "\(parts)"
    }

    static func members(_ group: AnswerGroup, grades: [ManualGrade], keys: [String], state: GradingState, names: Pseudonyms) -> HTML {
        let rows: [HTML] = zip(group.members, zip(grades, keys)).map { answer, pair in
            let (grade, key) = pair
            let score: HTML = grade.isGraded ? "\(points: grade.points)" : "pending"
            let split: HTML = group.key.hasPrefix("split ")
                ? "<button type=\"button\" class=\"join\" data-key=\"\(key)\">put back in its group</button>"
                : group.members.count > 1 ? "<button type=\"button\" class=\"split\" data-key=\"\(key)\">split out</button>" : ""
            return """
                <li data-key="\(key)"><a href="/student/\(key)" class="name">\(state.shown(answer.student, names))</a>:
                <span class="points">\(score)</span> \(split)</li>
                """
        }
        return "<h3>In this group</h3><ul class=\"members\">\(rows)</ul>"
    }

    static func rubric(_ items: [RubricItem], grades: [ManualGrade], maximum: Double) -> HTML {
        let rows: [HTML] = items.enumerated().map { index, item in
            let applied = grades.allSatisfy { $0.items.contains(item.id) }
            return """
                <li><label><input type="checkbox" class="item" data-item="\(String(item.id))"\(applied ? " checked" : "")>
                <kbd>\(index + 1)</kbd> <span class="item-points">\(PointsText.signed(item.points))</span>
                <span class="item-text">\(item.description)</span></label>
                <span class="item-edit"><input class="edit-points" data-item="\(String(item.id))" value="\(PointsText.format(item.points))" aria-label="points of item \(index + 1)" size="4">
                <input class="edit-description" data-item="\(String(item.id))" value="\(item.description)" aria-label="text of item \(index + 1)"></span></li>
                """
        }
        let same = Set(grades.map(\.comment)).count == 1 && Set(grades.map(\.adjustment)).count == 1
        let comment = same ? grades[0].comment : ""
        let adjustment = same ? PointsText.format(grades[0].adjustment) : ""
        let points: HTML = Set(grades.map(\.points)).count == 1 && grades.allSatisfy(\.isGraded)
            ? "\(points: grades[0].points)" : grades.allSatisfy(\.isGraded) ? "differ" : "pending"
        return """
            <aside class="grading">
            <p class="score">Score: <strong id="score">\(points)</strong> of \(points: maximum)</p>
            <h3>Rubric</h3>
            <ol class="rubric">\(rows)</ol>
            <p class="new-item"><input id="new-points" placeholder="±points" aria-label="points of a new item" size="5">
            <input id="new-description" placeholder="new rubric item" aria-label="text of a new item"></p>
            <p><label>Comment <kbd>c</kbd><br><textarea id="comment" rows="3">\(comment)</textarea></label></p>
            <p><label>Adjustment <kbd>a</kbd> <input id="adjustment" value="\(adjustment)" size="5"></label>
            <label>Score <kbd>s</kbd> <input id="points" size="5"></label></p>
            </aside>
            """
    }
}
