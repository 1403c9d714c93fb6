import Foundation
import Gradebook
import LessonsDriver
import Testing
import TestSupport

/// Rubric items: seeded from the lesson's rubric, applied to a whole answer group at once, and re-scoring every
/// answer that has an item when its points change; the items reach `grades export` and the feedback pages.
@Suite struct RubricTests {
    static let same = "// Dividing by n gives the maximum-likelihood estimate."
    static let answers = [
        "ann": same, "bob": "//   Dividing by n gives the\n//    maximum-likelihood estimate.",
        "cid": "/* Dividing by n gives the maximum-likelihood estimate. */", "dee": "// I do not know.",
    ]

    @Test func theLessonsRubricSeedsTheItems() async throws {
        let served = try await ServedClass(answers: Self.answers)
        defer { served.stop() }
        let items = try served.gradebook().rubricItems(lesson: "means", exercise: "explain")
        #expect(items.map(\.points) == [1, 1])
        #expect(items.map(\.description) == [
            "dividing by n gives the maximum-likelihood estimate.", "dividing by n - 1 would make it unbiased.",
        ])
    }

    @Test func changingAnItemsPointsReScoresEveryAnswerThatHasIt() async throws {
        let served = try await ServedClass(answers: Self.answers)
        defer { served.stop() }
        let item = try #require(try served.gradebook().rubricItems(lesson: "means", exercise: "explain").first)
        let (_, group, versions) = try await served.question(at: 0)
        #expect(group.count == 3, "ann, bob and cid wrote the same answer")
        #expect(try await served.grade(group, versions: versions, action: "item", item: item.id).status == 200)
        var grades = try served.gradebook().manualGrades(lesson: "means", exercise: "explain")
        #expect(["ann", "bob", "cid"].map { grades[$0]?.points } == [1, 1, 1], "grading the group grades its members")
        #expect(grades["dee"] == nil, "and no one else")

        let changed = try await served.rubric("update", id: item.id, points: "0.5", description: "the MLE divides by n")
        #expect(changed.status == 200 && changed.text.contains("\"rescored\":3"), "\(changed.text)")
        grades = try served.gradebook().manualGrades(lesson: "means", exercise: "explain")
        #expect(["ann", "bob", "cid"].map { grades[$0]?.points } == [0.5, 0.5, 0.5], "every member is re-scored")
        #expect(["ann", "bob", "cid"].map { grades[$0]?.version } == [2, 2, 2])
        let audit = try served.gradebook().audit(lesson: "means", exercise: "explain").filter { $0.change.contains("1.0 → 0.5") }
        #expect(audit.map(\.student) == ["ann", "bob", "cid"], "each re-scoring is audited")

        // Export and feedback agree with the page.
        let csv = try GradesActions.exportCSV(gradebook: served.gradebookURL, lessons: served.lessonsURL)
        for student in ["ann", "bob", "cid"] { #expect(csv.contains("\(student),means,explain,0,0,0.50,0,0.50,2\n"), "\(csv)") }
        #expect(csv.contains("dee,means,explain,0,0,0,0,0,2\n"), "\(csv)")
        let rubric = try GradesActions.exportRubricCSV(gradebook: served.gradebookURL)
        #expect(rubric.contains("bob,means,explain,0.50,'+0.50 the MLE divides by n,0,\n"), "\(rubric)")
        #expect(!rubric.contains("dee,"), "only answers graded by hand: \(rubric)")
        let feedback = try #require(try GradesActions.feedbackPreview(
            gradebook: served.gradebook(), student: "bob", lesson: "means", lessons: served.lessonsURL))
        #expect(feedback.contains("Graded by hand: 0.50 of 2 points") && feedback.contains("<li>+0.50: the MLE divides by n</li>"),
            "\(feedback)")
    }

    @Test func anAdjustmentAndATypedScoreComposeWithItems() async throws {
        let served = try await ServedClass(answers: ["dee": "// I do not know."])
        defer { served.stop() }
        let item = try #require(try served.gradebook().rubricItems(lesson: "means", exercise: "explain").first)
        var (_, answer, versions) = try await served.question()
        #expect(try await served.grade(answer, versions: versions, action: "item", item: item.id).status == 200)
        (_, answer, versions) = try await served.question()
        #expect(try await served.grade(answer, versions: versions, action: "adjustment", value: "-0.25").status == 200)
        #expect(try served.gradebook().manualScores().first?.points == 0.75)
        (_, answer, versions) = try await served.question()
        #expect(try await served.grade(answer, versions: versions, action: "adjustment", value: "2").status == 200)
        #expect(try served.gradebook().manualScores().first?.points == 2, "the sum is kept within 0 and the maximum")
        (_, answer, versions) = try await served.question()
        #expect(try await served.grade(answer, versions: versions, action: "points", value: "1.5").status == 200)
        let score = try #require(try served.gradebook().manualScores().first)
        #expect(score.points == 1.5 && score.adjustment == 0.5, "a typed score keeps the items and adjusts the rest")
    }
}
