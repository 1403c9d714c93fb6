import ArgumentParser
import Foundation
import GradingServer
import LessonModel
import LessonsDriver

extension GradesCommand {
    /// `lessons grades serve`: grade in the browser.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade in the browser: by question, with rubric items, answer groups, comments (localhost).",
            discussion: """
                Prints one line, http://127.0.0.1:PORT/?token=TOKEN: open it (the token becomes a cookie). Every \
                request needs the token and every change a CSRF token; every change is versioned and audited in \
                the gradebook. Binds 127.0.0.1 unless --host names another address.
                """
        )

        @Option var gradebook = "gradebook.sqlite"
        @Option(help: "Port (0: any free port, named in the printed URL).") var port = 8001
        @Option(help: "Address to bind (default 127.0.0.1; anything else exposes the gradebook to that network).")
        var host: String?
        @Option(help: "Your name in the audit (default: $USER).") var grader: String?

        func validate() throws {
            if let problem = NumberBounds.port.problem(with: Double(port), name: "--port") { throw ValidationError(problem) }
            if let host, host.isEmpty { throw ValidationError("--host needs an address, such as 127.0.0.1") }
        }

        func run() throws {
            let layout = ProjectLayout.discover()
            var configuration = GradingServer.Configuration(
                gradebook: URL(fileURLWithPath: gradebook), lessons: layout.lessonsDirectory)
            configuration.port = port
            if let host { configuration.host = host }
            if let grader { configuration.grader = grader }
            var server: GradingServer?
            try reportingErrors { server = try GradingServer(configuration: configuration) }
            guard let server else { throw ExitCode(1) }
            server.problems.forEach { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }
            if !GradingServer.isLoopback(configuration.host) {
                FileHandle.standardError.write(Data(
                    "warning: serving on \(configuration.host), not only this machine: anyone with the URL can grade\n".utf8))
            }
            if let message = RunningServer.wait({
                try await server.run { url in FileHandle.standardOutput.write(Data((url + "\n").utf8)) }
            }) {
                FileHandle.standardError.write(Data("error: cannot serve on \(configuration.host):\(port): \(message)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
