import Foundation
import Hummingbird
public import SiteRendering

/// `lessons preview`: builds the site into a scratch folder, serves it on localhost, and rebuilds whenever a
/// lesson or a site asset changes; open pages reload themselves after each rebuild (they poll
/// `/__lessons/version`, a counter the server bumps).
public struct PreviewServer: Sendable {
    /// What to build (the output folder is the served folder).
    public var configuration: SiteBuilder.Configuration
    /// Port on 127.0.0.1.
    public var port: Int
    /// Seconds between checks for changed files.
    public var interval: Double = 0.5

    /// A server for `configuration` on `port`.
    public init(configuration: SiteBuilder.Configuration, port: Int) {
        var configuration = configuration
        configuration.liveReload = true
        configuration.keepGoing = true
        self.configuration = configuration
        self.port = port
    }

    /// Builds, then serves until interrupted.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let version = BuildCounter()
        rebuild(log: log)
        let watched = [configuration.lessonsDirectory, configuration.siteAssetsDirectory]
        let configuration = self.configuration, interval = self.interval
        Task.detached {
            var last = FileSnapshot(of: watched)
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1e9))
                let now = FileSnapshot(of: watched)
                guard now != last else { continue }
                last = now
                PreviewServer(configuration: configuration, port: 0).rebuild(log: log)
                await version.increment()
            }
        }
        let router = Router()
        router.get("__lessons/version") { _, _ in String(await version.value) }
        router.middlewares.add(FileMiddleware(configuration.outputDirectory.path, searchForIndexHtml: true))
        let output = configuration.outputDirectory.path, requestedPort = port
        // Port 0 asks the system for a free port; the line names the one the server got.
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                log("serving \(output) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
            })
        try await app.runService()
    }

    /// One build, reported in one line.
    func rebuild(log: (String) -> Void) {
        do {
            let report = try SiteBuilder(configuration: configuration).build()
            report.diagnostics.forEach { log($0.description) }
            log("built \(report.files.count) files" + (report.diagnostics.isEmpty ? "" : " with \(report.diagnostics.count) problem(s)"))
        } catch {
            log(error.description)
        }
    }
}

/// The number of rebuilds so far; pages reload when it changes.
actor BuildCounter {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// Paths, sizes and modification dates of every file under some folders: two snapshots differ when any file
/// was added, removed or changed.
struct FileSnapshot: Equatable, Sendable {
    let entries: [String]

    init(of folders: [URL]) {
        var entries: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
            while let url = enumerator?.nextObject() as? URL {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                entries.append("\(url.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
            }
        }
        self.entries = entries.sorted()
    }
}
