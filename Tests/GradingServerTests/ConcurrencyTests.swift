import Foundation
import Gradebook
import Testing
import TestSupport

/// Two graders, one answer: the second writer is told and shown the current state; no update is lost, and the
/// audit has every change (nbgrader: the last write wins silently).
@Suite struct ConcurrencyTests {
    @Test func aStaleWriteIs409WithTheCurrentStateAndLosesNothing() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        // Both graders open the same answer (version 0).
        let (_, answers, seen) = try await served.question()
        let first = try await served.grade(answers, versions: seen, action: "points", value: "1.5")
        #expect(first.status == 200)
        let second = try await served.grade(answers, versions: seen, action: "comment", value: "clear argument")
        #expect(second.status == 409, "\(second.text)")
        #expect(second.text.contains("changed by someone else") && second.text.contains("\"points\":1.5"),
            "the second grader sees the current state: \(second.text)")
        #expect(try served.gradebook().manualScores().first?.comment == "", "the stale write wrote nothing")
        // The second grader, shown the new state, makes the change again.
        let (_, _, now) = try await served.question()
        #expect(now == [1])
        #expect(try await served.grade(answers, versions: now, action: "comment", value: "clear argument").status == 200)
        let score = try #require(try served.gradebook().manualScores().first)
        #expect(score.points == 1.5 && score.comment == "clear argument", "both changes are there")
        let audit = try served.gradebook().audit(lesson: "means", exercise: "explain")
        #expect(audit.map(\.change) == ["points", "comment"])
        #expect(audit.map(\.who) == ["tester", "tester"])
        #expect(audit[0].oldPoints == nil && audit[0].newPoints == 1.5 && audit[1].oldValue == "" && audit[1].newValue == "clear argument")
    }

    @Test func ofManySimultaneousWritesOnTheSameVersionExactlyOneWins() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        let (_, answers, seen) = try await served.question()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in ["0.5", "1", "1.5", "2", "0", "0.25"] {
                group.addTask { try await served.grade(answers, versions: seen, action: "points", value: value).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 1, "\(statuses)")
        #expect(statuses.filter { $0 == 409 }.count == 5, "\(statuses)")
        #expect(try served.gradebook().audit().count == 1)
        #expect(try served.gradebook().manualGrades(lesson: "means", exercise: "explain")["alice"]?.version == 1)
    }
}
