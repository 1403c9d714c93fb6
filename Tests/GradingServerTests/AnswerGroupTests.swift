import Foundation
import Testing
import TestSupport

@testable import GradingServer

/// Answers that are the same after normalising whitespace and comments (swift-syntax tokens) form one group.
@Suite struct AnswerGroupTests {
    @Test(arguments: [
        ("// Divide by n.", "//   Divide   by\n// n.", true),
        ("// Divide by n.", "/* Divide by n. */", true),
        ("// Divide by n.", "// Divide by n - 1.", false),
        ("let x = 1 + 2 // why", "let x = 1+2 /* other words */", true),
        ("let x = 1 + 2", "let x = 2 + 1", false),
        ("let s = \"a  b\"", "let s = \"a b\"", false),
    ])
    func normalising(first: String, second: String, same: Bool) {
        #expect((AnswerNormalizer.key(first) == AnswerNormalizer.key(second)) == same, "\(first) | \(second)")
    }

    @Test func splittingAMemberOutGradesItAlone() async throws {
        let served = try await ServedClass(answers: ["ann": "// same", "bob": "//  same", "cid": "/* same */", "dee": "// other"])
        defer { served.stop() }
        var (_, group, versions) = try await served.question(at: 0)
        #expect(group.count == 3)
        let split = try await served.client.post(
            "/api/split", json: #"{"lesson":"means","exercise":"explain","answer":"\#(group[0])","split":true}"#,
            headers: ["X-CSRF-Token": served.csrf])
        #expect(split.status == 200)
        (_, group, versions) = try await served.question(at: 0)
        #expect(group.count == 2, "the group lost one member")
        #expect(try await served.grade(group, versions: versions, action: "points", value: "2").status == 200)
        let grades = try served.gradebook().manualGrades(lesson: "means", exercise: "explain")
        #expect(grades.values.filter(\.isGraded).count == 2, "the split-out answer was not graded with its old group")
        let page = try await served.client.get("/grade/means/explain?at=0").text
        #expect(page.contains("3 answers in 3 groups") == false && page.contains("4 answers in 3 groups"), "\(page.prefix(2000))")
    }
}
