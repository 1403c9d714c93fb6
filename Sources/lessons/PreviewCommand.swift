import ArgumentParser
import Foundation
import LessonModel
import LessonsDriver
import SitePreview
import SiteRendering

/// `lessons preview`: build the site, serve it on localhost, rebuild and reload on change.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve the site on localhost; rebuild and reload the open page when a lesson or asset changes.",
        discussion: "The preview is built into .build/preview-site, never into site/. Run lessons first to refresh outputs."
    )

    @Option(help: "Port on 127.0.0.1 (0: any free port, named in the 'serving' line).")
    var port: Int = 8000

    func validate() throws {
        if let problem = NumberBounds.port.problem(with: Double(port), name: "--port") { throw ValidationError(problem) }
    }

    func run() throws {
        let layout = ProjectLayout.discover()
        let (prepared, problems) = layout.siteConfiguration(
            outputDirectory: layout.root.appendingPathComponent(".build/preview-site"))
        problems.forEach { FileHandle.standardError.write(Data(($0.description + "\n").utf8)) }
        guard let configuration = prepared else { throw ExitCode(1) }
        let server = PreviewServer(configuration: configuration, port: port)
        if let message = RunningServer.wait({
            try await server.run { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        }) {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(1)
        }
    }
}
