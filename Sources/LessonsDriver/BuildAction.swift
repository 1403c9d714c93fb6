import FileSafety
public import Foundation
import SiteRendering

/// `lessons build`: optionally re-runs stale lessons, then renders the site.
public struct BuildAction: Sendable {
    public let layout: ProjectLayout
    /// Output folder (default `site/`).
    public var outputDirectory: URL
    /// Re-run lessons whose outputs are stale before building.
    public var runFirst = false
    /// Render TeX that does not convert as marked raw TeX, report it, and still write the site.
    public var keepGoing = false
    /// How many pages are rendered at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    /// A build of `layout`'s lessons into `site/`.
    public init(layout: ProjectLayout) {
        self.layout = layout
        self.outputDirectory = layout.root.appendingPathComponent("site")
    }

    /// Builds; 0 on success, 1 when a lesson or the site has errors.
    public func run() -> Int32 {
        let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
        // Before any work: the output folder must be one the build owns (the site builder checks again).
        do throws(OwnedFolderError) {
            _ = try OwnedFolder.claim(
                outputDirectory, displayName: layout.displayPath(of: outputDirectory), projectRoot: layout.root,
                lessonsDirectory: layout.lessonsDirectory)
        } catch {
            say("error: \(error)")
            return 1
        }
        if runFirst {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: layout.lessonsDirectory.path)) ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { layout.lessonsDirectory.appendingPathComponent($0) }
            let clashes = LessonResolver(layout: layout).nameClashes(among: files)
            clashes.forEach { say($0.description) }
            guard clashes.isEmpty else { return 1 }
            let status = RunAction(layout: layout, options: RunOptions(), json: false).run(files)
            if status != 0 { return status }
        }
        let (prepared, settingsProblems) = layout.siteConfiguration(outputDirectory: outputDirectory)
        settingsProblems.forEach { say($0.description) }
        guard var configuration = prepared else {
            say("the site was not written: fix \(layout.displayPath(of: layout.settingsFile)) first")
            return 1
        }
        configuration.keepGoing = keepGoing
        configuration.jobs = jobs
        let clock = ContinuousClock(), started = clock.now
        do {
            let report = try SiteBuilder(configuration: configuration).build(progress: say)
            report.diagnostics.forEach { say($0.description) }
            let seconds = (clock.now - started).components
            let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) * 1e-18
            say("built \(report.files.count) files into \(layout.displayPath(of: outputDirectory)) in \(String(format: "%.2f", elapsed)) s"
                + (report.diagnostics.isEmpty ? "" : " with \(report.diagnostics.count) problem(s)"))
            return report.diagnostics.isEmpty ? 0 : 1
        } catch {
            say(error.description)
            say("the site was not written: \(error.diagnostics.count) problem(s)")
            return 1
        }
    }
}
