import Foundation
import Grading
import Testing
import TestSupport

/// Issue 16, item 11: each written-answer question has a rubric in instructor-only text (what earns each
/// point), the student copy never has it, and the feedback page of a graded answer shows it.
@Suite struct RubricTests {
    @Test func everyWrittenAnswerHasARubricWorthItsPoints() throws {
        for name in CourseLesson.all {
            let lesson = try CourseLesson(name)
            let markup = GradingMarkupParser.parse(lesson.lesson).0
            let rubrics = Rubrics.find(in: lesson.lesson, markup: markup)
            for exercise in markup.exercises where exercise.isManual {
                let rubric = try #require(rubrics[exercise.id], "\(name): written answer '\(exercise.id)' has no rubric")
                #expect(Rubrics.points(in: rubric) == exercise.points,
                    "\(name): the rubric of '\(exercise.id)' awards \(Rubrics.points(in: rubric)) of \(exercise.points) points")
            }
        }
    }

    @Test func theStudentCopyHasNoRubric() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        var rubricLines: [String: [String]] = [:]
        for name in CourseLesson.all {
            let lesson = try CourseLesson(name)
            let rubrics = Rubrics.find(in: lesson.lesson, markup: GradingMarkupParser.parse(lesson.lesson).0)
            guard !rubrics.isEmpty else { continue }
            try project.write(name, lesson.text)
            rubricLines[name] = rubrics.values.flatMap { $0.split(separator: "\n").map(String.init) }
        }
        #expect(rubricLines.count >= 5)
        for (name, lines) in rubricLines {
            let result = try LessonsCommandRunner(project: project).run(["release", name, "--out", "released"])
            #expect(result.status == 0, "\(result.standardError)")
            let copy = try String(contentsOf: project.root.appendingPathComponent("released/\(name)"), encoding: .utf8)
            for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(!copy.contains(line), "the student copy of \(name) has rubric text: \(line)")
            }
            #expect(!copy.contains("Rubric for"), "\(name)")
        }
    }

    @Test func checkWarnsAboutAWrittenAnswerWithoutARubricOrWithTheWrongPoints() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        let question = "```{swift}\n//| exercise: why\n//| manual: true\n//| points: 2\n// Why?\n```\n"
        try project.write("bare.md", "---\ntitle: Bare\n---\n\n" + question)
        try project.write("short.md", "---\ntitle: Short\n---\n\n" + question
            + "\n<!-- BEGIN INSTRUCTOR -->\n- 1 point: a reason.\n<!-- END INSTRUCTOR -->\n")
        let result = try LessonsCommandRunner(project: project).run(["check", "--all"])
        #expect(result.status == 0, "warnings only: \(result.standardError)")
        #expect(result.standardError.contains("Lessons/bare.md:5:1: warning: written answer 'why' has no rubric"), "\(result.standardError)")
        #expect(result.standardError.contains("Lessons/short.md:5:1: warning: the rubric of 'why' awards 1 of its 2 points"),
            "\(result.standardError)")
    }

    @Test func feedbackShowsTheRubricOfAGradedAnswer() throws {
        let grading = try GradingClass()
        defer { grading.project.remove() }
        #expect(!grading.released.contains("maximum-likelihood"), "the released copy has no rubric")
        try grading.submit("ada", mean: FixtureClass.correctMean, variance: FixtureClass.correctVariance)
        #expect(try grading.lessons.run(["grade", "--lesson", "means.md", "submissions"]).status == 0)
        #expect(try grading.lessons.run([
            "grades", "set", "--student", "ada", "--lesson", "means", "--exercise", "explain", "--points", "1",
            "--comment", "Only the first half.",
        ]).status == 0)
        let page = try grading.feedback("ada")
        #expect(page.contains("How this answer was graded"))
        #expect(page.contains("- 1 point: dividing by n gives the maximum-likelihood estimate."))
        #expect(page.contains("- 1 point: dividing by n - 1 would make it unbiased."))
    }
}
