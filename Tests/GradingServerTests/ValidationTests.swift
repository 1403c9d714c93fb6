import Foundation
import Testing
import TestSupport

/// A wrong score is refused with the reason `lessons grades set` gives, nothing is written, and the server goes
/// on serving (nbgrader's formgrader broke its database session on "abc" until restarted).
@Suite struct ValidationTests {
    @Test(arguments: [
        ("abc", "not 'abc'"), ("-1", "at least 0"), ("3", "at most 2"), ("2.01", "at most 2"), ("nan", "--points"),
        ("", "not ''"), ("1e999", "--points"),
    ])
    func aWrongScoreIs400WithTheReason(value: String, reason: String) async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        let (_, answers, versions) = try await served.question()
        let answer = try await served.grade(answers, versions: versions, action: "points", value: value)
        #expect(answer.status == 400, "\(value): \(answer.text)")
        #expect(answer.text.contains(reason), "\(value): \(answer.text)")
        #expect(try served.gradebook().manualScores().isEmpty, "nothing was recorded for \(value)")
        #expect(try await served.client.get("/").status == 200, "still serving after \(value)")
        let good = try await served.grade(answers, versions: versions, action: "points", value: "2")
        #expect(good.status == 200, "a valid score after \(value): \(good.text)")
        #expect(try served.gradebook().manualScores().map(\.points) == [2])
    }

    @Test func otherBadRequestsAre400() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        let (_, answers, versions) = try await served.question()
        let cases: [(HTTPTestClient.Answer, String)] = [
            (try await served.grade(answers, versions: versions, action: "adjustment", value: "x"), "adjustment must be a number"),
            (try await served.grade(answers, versions: versions, action: "adjustment", value: "-3"), "from -2 to 2"),
            (try await served.grade(answers, versions: versions, action: "item", item: 999), "no rubric item 999"),
            (try await served.grade(["anon-nobody"], versions: [0], action: "points", value: "1"), "no answer 'anon-nobody'"),
            (try await served.grade(answers, versions: [], action: "points", value: "1"), "versions"),
            (try await served.grade(answers, versions: versions, action: "erase"), "unknown action"),
            (try await served.rubric("add", points: "1", description: "  "), "needs a description"),
            (try await served.rubric("add", points: "abc", description: "x"), "not 'abc'"),
            (try await served.client.post("/api/grade", json: "{not json", headers: ["X-CSRF-Token": served.csrf]), "not the JSON"),
            (try await served.client.post(
                "/api/grade", json: #"{"lesson":"means","exercise":"mean","answers":[],"versions":[],"action":"points","value":"1"}"#,
                headers: ["X-CSRF-Token": served.csrf]), "auto-graded"),
        ]
        for (index, (answer, reason)) in cases.enumerated() {
            #expect(answer.status == 400, "case \(index): \(answer.status) \(answer.text)")
            #expect(answer.text.contains(reason), "case \(index): \(answer.text)")
        }
        #expect(try served.gradebook().manualScores().isEmpty)
        #expect(try await served.client.get("/grade/means/explain").status == 200)
    }
}
