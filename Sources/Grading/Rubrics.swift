public import LessonModel

/// The rubric of each written answer: the instructor-only region (`<!-- BEGIN INSTRUCTOR -->` …
/// `<!-- END INSTRUCTOR -->`) that follows a manual exercise's cell (and its output block), with nothing but
/// blank lines between them. Being instructor text, a rubric never reaches the student copy; `lessons
/// feedback` shows it next to the score given by hand.
///
/// ````markdown
/// ```{swift}
/// //| exercise: explain
/// //| manual: true
/// //| points: 2
/// // Why does the variance divide by n here?
/// ```
///
/// <!-- BEGIN INSTRUCTOR -->
/// Rubric (2 points):
/// - 1 point: the maximum-likelihood estimate divides by n.
/// - 1 point: dividing by n − 1 would make it unbiased.
/// <!-- END INSTRUCTOR -->
/// ````
public enum Rubrics {
    /// The rubric text (the lines between the markers) of each manual exercise that has one, by exercise id.
    public static func find(in lesson: Lesson, markup: GradingMarkup) -> [String: String] {
        let regions = InstructorRegions.find(in: lesson).0
        var rubrics: [String: String] = [:]
        for exercise in markup.exercises where exercise.isManual {
            let cell = lesson.cells[exercise.cellIndex]
            var line = (cell.output?.endLine ?? cell.closingFenceLine) + 1
            while line <= lesson.source.lineCount && lesson.source.isBlank(line: line) { line += 1 }
            guard let region = regions.first(where: { $0.first == line }), region.last - region.first > 1 else { continue }
            rubrics[exercise.id] = lesson.source.text(of: LineRange(region.first + 1, region.last - 1))
        }
        return rubrics
    }

    /// The points a rubric awards: the sum of `N point` / `N points` at the start of its list items
    /// (`- 1 point: …`, `- 0.5 points: …`).
    public static func points(in rubric: String) -> Double {
        items(in: rubric).reduce(0) { $0 + $1.points }
    }

    /// The list items of a rubric that start with `N point` / `N points` (`- 1 point: the estimate divides by n.`),
    /// as points and the text after the colon, in order: what the grading server seeds its rubric items with.
    public static func items(in rubric: String) -> [(points: Double, description: String)] {
        rubric.split(separator: "\n").compactMap { line in
            let item = line.trimmingWhitespace()
            guard item.hasPrefix("- ") else { return nil }
            let words = item.dropFirst(2).split(separator: " ", maxSplits: 2)
            guard words.count >= 2, words[1].hasPrefix("point"), let value = Double(words[0]) else { return nil }
            var description = words.count > 2 ? words[2] : ""
            if description.hasPrefix(":") { description = description.dropFirst() }
            return (value, String(description.trimmingWhitespace()))
        }
    }
}
