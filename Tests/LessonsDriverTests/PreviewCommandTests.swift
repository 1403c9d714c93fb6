import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// `lessons preview` serves the site, and rebuilds it when a lesson changes.
@Suite struct PreviewCommandTests {
    /// GET `url` with curl-free URLSession: its text; nil while the server is not up.
    func get(_ url: String) -> String? { getWithBuild(url).text }

    final class Box: @unchecked Sendable { var text: String?; var build: String?; var fullReload: String? }

    /// GET `url`: its text (nil unless the answer is 200) and the build it belongs to
    /// (`Server-Timing: lessons-build;desc="N"`).
    func getWithBuild(_ url: String) -> (text: String?, build: String?, fullReload: String?) {
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        URLSession.shared.dataTask(with: URL(string: url)!) { data, response, _ in
            let http = response as? HTTPURLResponse
            if let data, http?.statusCode == 200 { box.text = String(decoding: data, as: UTF8.self) }
            let timing = http?.value(forHTTPHeaderField: "Server-Timing") ?? ""
            box.build = timing.firstMatch(of: /^lessons-build;desc="([0-9]+)"$/).map { String($0.1) }
            box.fullReload = http?.value(forHTTPHeaderField: "Lessons-Full-Reload")
            done.signal()
        }.resume()
        done.wait()
        return (box.text, box.build, box.fullReload)
    }

    func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return false
    }

    /// Starts `lessons preview` on port 0 (the system picks a free port: a fixed one can be taken on a shared
    /// machine) and returns it with its base URL, which its log names.
    func startPreview(in project: TemporaryProject) throws -> (Process, String) {
        let log = project.root.appendingPathComponent("preview.log")
        let server = try LessonsCommandRunner(project: project).start(["preview", "--port", "0"], standardErrorFile: log)
        var base = ""
        #expect(waitFor(60) {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            guard let match = text.firstMatch(of: /at (http:\/\/127\.0\.0\.1:[0-9]+)\//) else { return false }
            base = String(match.1)
            return !base.hasSuffix(":0")
        }, "the log names the port")
        return (server, base)
    }

    @Test func servesTheSiteAndRebuildsWhenALessonChanges() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# First version\n\nText with $x^2$.\n")
        let (server, base) = try startPreview(in: project)
        defer { server.terminate(); server.waitUntilExit() }
        #expect(waitFor(60) { get("\(base)/01-first.html")?.contains("First version") == true }, "the page is served")
        let page = get("\(base)/01-first.html") ?? ""
        #expect(page.contains("assets/live-reload.js") && page.contains("<math"))
        let before = get("\(base)/__lessons/version")
        _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Second version\n\nText with $y^2$.\n")
        #expect(waitFor(30) { get("\(base)/01-first.html")?.contains("Second version") == true }, "the change is rebuilt")
        // The watcher bumps the version when its rebuild is done, which may be just after the page shows the change.
        #expect(waitFor(30) { get("\(base)/__lessons/version") != before }, "open pages see a new version and reload")
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("site").path),
            "preview never writes site/")
    }

    /// A page knows the build it was served from, so a build that finishes while it loads still reloads it: the
    /// page's `Server-Timing` names a build no later than its text, and asking for a build after that one answers
    /// at once when the text has changed since.
    @Test func eachPageNamesTheBuildItCameFrom() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Version 0\n")
        let (server, base) = try startPreview(in: project)
        defer { server.terminate(); server.waitUntilExit() }
        #expect(waitFor(60) { get("\(base)/01-first.html")?.contains("Version 0") == true }, "the page is served")
        var builds: [Int] = []
        for edit in 1...4 {
            let before = getWithBuild("\(base)/01-first.html")
            let build = try #require(before.build.flatMap(Int.init), "the page names its build")
            builds.append(build)
            _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Version \(edit)\n")
            // The page loaded before the edit: once the edit is served, a build after the page's has happened.
            #expect(waitFor(30) { get("\(base)/01-first.html")?.contains("Version \(edit)") == true })
            let after = Int(get("\(base)/__lessons/version?after=\(build)") ?? "") ?? 0
            #expect(after > build, "the page of build \(build) is told of build \(after)")
        }
        #expect(builds == builds.sorted() && Set(builds).count == builds.count, "builds \(builds) count up")
    }

    /// The version's `Lessons-Full-Reload` names the last build that changed more than lessons' Markdown: a saved
    /// lesson leaves it (open pages put the new content in place), a changed style sheet or a new figure sets it to
    /// that build (open pages reload whole).
    @Test func onlyLessonMarkdownLetsPagesUpdateInPlace() throws {
        let project = try TemporaryProject()
        defer { project.remove() }
        _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Version 0\n")
        let (server, base) = try startPreview(in: project)
        defer { server.terminate(); server.waitUntilExit() }
        #expect(waitFor(60) { get("\(base)/01-first.html")?.contains("Version 0") == true }, "the page is served")
        func version() -> (build: Int, fullReload: Int) {
            let answer = getWithBuild("\(base)/__lessons/version")
            return (Int(answer.text ?? "") ?? -1, Int(answer.fullReload ?? "") ?? -1)
        }
        let start = version()
        #expect(start.fullReload == 0, "no build has changed more than Markdown yet: \(start)")
        let changes: [(String, Bool, () throws -> Void)] = [
            ("a lesson saved", false, { _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Version 1\n") }),
            ("a lesson added", false, { _ = try project.write("02-second.md", "---\ntitle: Second\n---\n\n# Two\n") }),
            ("a style sheet", true, {
                let style = project.root.appendingPathComponent("Assets/site/static/style.css")
                try FileManager.default.createDirectory(at: style.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("body { color: black; }\n".utf8).write(to: style)
            }),
            ("a lesson saved again", false, { _ = try project.write("01-first.md", "---\ntitle: First\n---\n\n# Version 2\n") }),
            ("a figure", true, {
                let figure = project.root.appendingPathComponent("Lessons/figures/01-first/plot.svg")
                try FileManager.default.createDirectory(at: figure.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: figure)
            }),
        ]
        var last = start
        for (name, reloads, change) in changes {
            try change()
            #expect(waitFor(30) { version().build > last.build }, "\(name): a build follows")
            Thread.sleep(forTimeInterval: 0.3)  // a second build for the same change would come within this
            let now = version()
            if reloads {
                #expect(now.fullReload == now.build, "\(name): pages reload whole after build \(now.build): \(now)")
            } else {
                #expect(now.fullReload == last.fullReload, "\(name): pages update in place: \(now), before \(last)")
            }
            last = now
        }
    }
}
