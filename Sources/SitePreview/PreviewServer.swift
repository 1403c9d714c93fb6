import Foundation
import Hummingbird
public import SiteRendering

/// `lessons preview`: builds the site into a scratch folder, serves it on localhost, and rebuilds whenever a
/// lesson or a site asset changes; open pages reload themselves after each rebuild.
///
/// From a save to the updated page: the kernel reports the save (inotify; elsewhere the files are looked at every
/// 20 ms, sizes and dates only); a rebuild reads
/// and renders again only the lessons that changed (``SiteRenderCache``); and each open page holds a request to
/// `/__lessons/version?after=N` that the server answers as soon as the build counter passes N, so the page
/// updates without waiting for a poll. N is the build the page was served from (``BuildNumberMiddleware``).
/// When only lessons' Markdown changed, the page fetches itself and puts the new content, outline and contents in
/// place of the old, keeping its scroll position; after any other change (a template, a style, a figure) it
/// reloads whole (the answer's `Lessons-Full-Reload` header names the last such build).
public struct PreviewServer: Sendable {
    /// What to build (the output folder is the served folder).
    public var configuration: SiteBuilder.Configuration
    /// Port on 127.0.0.1.
    public var port: Int
    /// Seconds between looks at the files where the kernel does not report changes (``FileWatcher``); with it, a
    /// look this often is only a safety net.
    public var interval: Double = 0.02

    /// A server for `configuration` on `port`.
    public init(configuration: SiteBuilder.Configuration, port: Int) {
        var configuration = configuration
        configuration.liveReload = true
        configuration.keepGoing = true
        configuration.cache = configuration.cache ?? SiteRenderCache()
        configuration.scratchOutput = true
        self.configuration = configuration
        self.port = port
    }

    /// Builds, then serves until interrupted.
    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        let version = BuildCounter()
        rebuild(log: log)
        let watched = [configuration.lessonsDirectory, configuration.siteAssetsDirectory]
        let configuration = self.configuration, interval = self.interval
        let lessonsFolder = configuration.lessonsDirectory.path + "/"
        // A thread of its own: the watcher blocks until the kernel reports a change.
        let watcher = FileWatcher(folders: watched, fallbackInterval: interval)
        Thread.detachNewThread {
            var last = FileSnapshot(of: watched)
            while true {
                watcher.waitForChange()
                let now = FileSnapshot(of: watched)
                guard now != last else { continue }
                let changed = now.changedPaths(since: last)
                last = now
                watcher.refreshWatches()
                PreviewServer(configuration: configuration, port: 0).rebuild(log: log)
                let counted = DispatchSemaphore(value: 0)
                Task {
                    await version.increment(lessonsOnly: changed.allSatisfy { Self.isLessonMarkdown($0, in: lessonsFolder) })
                    counted.signal()
                }
                counted.wait()
            }
        }
        let router = Router()
        // `?after=N` waits (up to 25 s) for a build after the N-th; without it, the counter at once. The header
        // names the last build after which a page must reload whole (live-reload.js).
        router.get("__lessons/version") { request, _ -> Response in
            let value: Int
            if let after = request.uri.queryParameters.get("after", as: Int.self) {
                value = await version.value(after: after, waitingAtMost: 25)
            } else {
                value = await version.value
            }
            var headers = HTTPFields()
            headers[HTTPFields.Element.Name("Lessons-Full-Reload")!] = String(await version.lastFullReload)
            headers[.cacheControl] = "no-store"
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: String(value))))
        }
        router.middlewares.add(BuildNumberMiddleware(counter: version))
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

    /// Whether `path` is a lesson's Markdown (a `.md` file right in the lessons folder, `folder` ending in `/`): a
    /// change to such files alone lets open pages put the new content in place without reloading.
    static func isLessonMarkdown(_ path: String, in folder: String) -> Bool {
        guard path.hasPrefix(folder), path.hasSuffix(".md") else { return false }
        return !path.dropFirst(folder.count).contains("/")
    }

    /// One build, reported in one line.
    func rebuild(log: (String) -> Void) {
        let clock = ContinuousClock(), started = clock.now
        do {
            let report = try SiteBuilder(configuration: configuration).build()
            report.diagnostics.forEach { log($0.description) }
            let milliseconds = Int(((clock.now - started) / .milliseconds(1)).rounded())
            log("built \(report.files.count) files in \(milliseconds) ms"
                + (report.diagnostics.isEmpty ? "" : " with \(report.diagnostics.count) problem(s)"))
        } catch {
            log(error.description)
        }
    }
}
