import Foundation
import GradingServer
import Testing
import TestSupport

/// Nobody without the printed URL gets in, and no page of another site can make a change (issue 25, security).
@Suite struct AccessTests {
    @Test func withoutTheTokenEveryRequestIs401() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        for path in ["/", "/grade/means/explain", "/app.js", "/nosuch", "/?token=" + String(repeating: "0", count: 64)] {
            #expect(try await served.stranger.get(path).status == 401, "\(path)")
        }
        let wrongCookie = HTTPTestClient(base: served.base, cookie: "lessons_grades=" + String(repeating: "a", count: 64))
        #expect(try await wrongCookie.get("/").status == 401)
        let post = try await served.stranger.post("/api/anonymous", json: #"{"on":false}"#, headers: ["X-CSRF-Token": served.csrf])
        #expect(post.status == 401, "a POST with the CSRF token but no access token")
        #expect(try await served.client.get("/").status == 200)
    }

    @Test func theTokenBecomesAnHttpOnlyStrictCookie() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        let first = try await served.stranger.get("/?token=\(served.token)")
        #expect(first.status == 303)
        let cookie = try #require(first.header("Set-Cookie"))
        #expect(cookie.contains("lessons_grades=\(served.token)") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        #expect(first.header("Location") == "/", "the token leaves the address bar")
    }

    @Test func aChangeWithoutTheCSRFTokenIs403AndChangesNothing() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        let (_, answers, versions) = try await served.question()
        let missing = try await served.client.post(
            "/api/grade", json: #"{"lesson":"means","exercise":"explain","answers":["\#(answers[0])"],"versions":[0],"action":"points","value":"1"}"#)
        #expect(missing.status == 403)
        let wrong = try await served.grade(answers, versions: versions, action: "points", value: "1", csrf: String(repeating: "f", count: 64))
        #expect(wrong.status == 403)
        #expect(try served.gradebook().manualScores().isEmpty, "nothing was recorded")
        #expect(try await served.grade(answers, versions: versions, action: "points", value: "1").status == 200)
    }

    @Test func aForeignHostNameIsRefusedOnLoopback() async throws {
        let served = try await ServedClass(answers: ["alice": "// n"])
        defer { served.stop() }
        #expect(try await served.client.get("/", headers: ["Host": "attacker.example:8001"]).status == 403)
        #expect(try await served.client.get("/", headers: ["Host": "localhost"]).status == 200)
    }

    @Test func loopbackUnlessAHostIsGiven() {
        let configuration = GradingServer.Configuration(gradebook: URL(fileURLWithPath: "g"), lessons: URL(fileURLWithPath: "L"))
        #expect(configuration.host == "127.0.0.1")
        #expect(GradingServer.isLoopback("127.0.0.1") && GradingServer.isLoopback("localhost:80") && GradingServer.isLoopback("[::1]:8001"))
        #expect(!GradingServer.isLoopback("0.0.0.0") && !GradingServer.isLoopback("192.168.1.4:8001"))
    }
}
