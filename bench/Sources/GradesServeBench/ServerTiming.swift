import Foundation
import GradingServer
import TestSupport

/// Times the grading server on a generated class (see main.swift): opening an answer and saving a score.
enum ServerTiming {
    static func run(students: Int, runs: Int) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grades-serve-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try GeneratedClass.write(students: students, into: folder)
        var configuration = GradingServer.Configuration(
            gradebook: folder.appendingPathComponent("gradebook.sqlite"), lessons: folder.appendingPathComponent("Lessons"))
        configuration.port = 0
        configuration.grader = "bench"
        let server = try GradingServer(configuration: configuration)
        let (urls, continuation) = AsyncStream<String>.makeStream()
        let serving = Task { try await server.run(handlingSignals: false) { continuation.yield($0) } }
        defer { serving.cancel() }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next(), let match = url.firstMatch(of: /^(http:\/\/[^\/]+)\/\?token=([0-9a-f]+)$/) else {
            fail("the server printed no URL")
        }
        let client = HTTPTestClient(base: String(match.1), cookie: "lessons_grades=\(match.2)")
        let csrf = server.secrets.csrfToken

        let first = try await client.get("/grade/means/explain?at=0")
        guard first.status == 200 else { fail("opening an answer answered \(first.status): \(first.text)") }
        let groupCount = Int(attribute("data-count", in: first.text)) ?? 1
        var opens: [Double] = [], saves: [Double] = [], wall: [Double] = []
        for run in 0..<runs {
            let at = (run * 37 + 1) % groupCount
            let start = Date()
            let page = try await client.get("/grade/means/explain?at=\(at)")
            wall.append(Date().timeIntervalSince(start) * 1000)
            guard page.status == 200, let opened = page.serverMilliseconds else { fail("open \(at): \(page.status)") }
            opens.append(opened)
            let answers = attribute("data-answers", in: page.text).split(separator: " ").map { "\"\($0)\"" }.joined(separator: ",")
            let versions = attribute("data-versions", in: page.text).split(separator: " ").joined(separator: ",")
            let saved = try await client.post(
                "/api/grade",
                json: #"{"lesson":"means","exercise":"explain","action":"points","value":"1.5","answers":[\#(answers)],"versions":[\#(versions)]}"#,
                headers: ["X-CSRF-Token": csrf])
            guard saved.status == 200, let time = saved.serverMilliseconds else { fail("save \(at): \(saved.status) \(saved.text)") }
            saves.append(time)
        }
        print("students: \(students), answer groups: \(groupCount), runs: \(runs)")
        print("first open (the largest group; groups are built at start): \(String(format: "%.1f", first.serverMilliseconds ?? -1)) ms of server time")
        print("open an answer (server ms): \(list(opens)); median \(String(format: "%.2f", median(opens)))")
        print("save a score   (server ms): \(list(saves)); median \(String(format: "%.2f", median(saves)))")
        print("open an answer (client wall ms, loopback): median \(String(format: "%.2f", median(wall)))")
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func list(_ values: [Double]) -> String { values.map { String(format: "%.2f", $0) }.joined(separator: ", ") }
    static func attribute(_ name: String, in page: String) -> String {
        page.firstMatch(of: try! Regex("\(name)=\"([^\"]*)\"")).map { String($0.output[1].substring ?? "") } ?? ""
    }
}
