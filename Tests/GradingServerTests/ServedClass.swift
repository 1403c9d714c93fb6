import Foundation
import Gradebook
import Grading
import GradingServer
import TestSupport

/// A class served for a test: `Lessons/means.md` (``FixtureClass/instructor``: a written answer `explain` of 2
/// points with a two-item rubric), a gradebook with one graded submission per student (written answers as
/// given), and `lessons grades serve`'s server on 127.0.0.1 at a free port, with a client that has the cookie.
final class ServedClass: @unchecked Sendable {
    let project: TemporaryProject
    let server: GradingServer
    let base: String
    let token: String
    private let serving: Task<Void, any Error>

    var gradebookURL: URL { project.root.appendingPathComponent("gradebook.sqlite") }
    var lessonsURL: URL { project.root.appendingPathComponent("Lessons") }
    var csrf: String { server.secrets.csrfToken }
    /// A client that opened the printed URL (it has the cookie).
    let client: HTTPTestClient
    /// A client without the cookie.
    let stranger: HTTPTestClient

    /// Serves a class whose students wrote `answers` (student -> the written answer's lines); each also has an
    /// auto-graded `mean` with `code` and a visible and a hidden test (`failure`: why it could not be used).
    init(answers: [String: String], meanCode: [String: String] = [:], failure: [String: String] = [:]) async throws {
        project = try TemporaryProject()
        try project.write("means.md", FixtureClass.instructor)
        let gradebook = try Gradebook(path: project.root.appendingPathComponent("gradebook.sqlite").path)
        for (student, answer) in answers.sorted(by: { $0.key < $1.key }) {
            let report = GradeReport(
                student: student, lesson: "means", contentHash: "c-\(student)", testsHash: "t",
                results: [
                    TestResult(exerciseId: "mean", testId: "cell-1", isHidden: false, points: 1, maxPoints: 1, message: ""),
                    TestResult(exerciseId: "mean", testId: "cell-2", isHidden: true, points: 0, maxPoints: 2,
                        message: failure[student] ?? "a hidden check failed"),
                ],
                tampering: [], exerciseFailures: failure[student].map { ["mean": $0] } ?? [:],
                exerciseCode: ["mean": meanCode[student] ?? FixtureClass.correctMean, "explain": answer], sandboxed: true)
            try gradebook.record(report, receivedAt: Date(timeIntervalSince1970: 1_800_000_000), latePenalty: 0)
        }
        var configuration = GradingServer.Configuration(
            gradebook: project.root.appendingPathComponent("gradebook.sqlite"),
            lessons: project.root.appendingPathComponent("Lessons"))
        configuration.port = 0
        configuration.grader = "tester"
        let server = try GradingServer(configuration: configuration)
        self.server = server
        let (urls, continuation) = AsyncStream<String>.makeStream()
        serving = Task { try await server.run(handlingSignals: false) { continuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next(), let match = url.firstMatch(of: /^(http:\/\/127\.0\.0\.1:[0-9]+)\/\?token=([0-9a-f]{64})$/)
        else { throw CocoaError(.fileReadUnknown) }
        base = String(match.1)
        token = String(match.2)
        client = HTTPTestClient(base: base, cookie: "lessons_grades=\(token)")
        stranger = HTTPTestClient(base: base)
    }

    func stop() {
        serving.cancel()
        project.remove()
    }

    /// The page of answer group `at`, with its answer keys and versions.
    func question(at: Int = 0) async throws -> (page: String, answers: [String], versions: [Int]) {
        let page = try await client.get("/grade/means/explain?at=\(at)").text
        func attribute(_ name: String) -> String {
            page.firstMatch(of: try! Regex("\(name)=\"([^\"]*)\"")).map { String($0.output[1].substring ?? "") } ?? ""
        }
        return (page, attribute("data-answers").split(separator: " ").map(String.init),
            attribute("data-versions").split(separator: " ").compactMap { Int($0) })
    }

    /// POSTs a change of the grades of `answers` seen at `versions`.
    func grade(
        _ answers: [String], versions: [Int], action: String, value: String? = nil, item: Int64? = nil,
        as client: HTTPTestClient? = nil, csrf: String? = nil
    ) async throws -> HTTPTestClient.Answer {
        var body: [String: Any] = ["lesson": "means", "exercise": "explain", "answers": answers, "versions": versions, "action": action]
        if let value { body["value"] = value }
        if let item { body["item"] = item }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), as: UTF8.self)
        return try await (client ?? self.client).post("/api/grade", json: json, headers: ["X-CSRF-Token": csrf ?? self.csrf])
    }

    /// POSTs a rubric change.
    func rubric(_ action: String, id: Int64? = nil, points: String, description: String) async throws -> HTTPTestClient.Answer {
        var body: [String: Any] = ["lesson": "means", "exercise": "explain", "action": action, "points": points, "description": description]
        if let id { body["id"] = id }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]), as: UTF8.self)
        return try await client.post("/api/rubric", json: json, headers: ["X-CSRF-Token": csrf])
    }

    /// Turns anonymous mode off (names shown).
    func showNames() async throws {
        _ = try await client.post("/api/anonymous", json: #"{"on":false}"#, headers: ["X-CSRF-Token": csrf])
    }

    /// The gradebook as a fresh reader sees it.
    func gradebook() throws -> Gradebook { try Gradebook(existingAt: gradebookURL.path, shownAs: "gradebook.sqlite") }
}
