public import Foundation
import LessonExecution
import LessonModel

/// `lessons run`: runs lessons (several at once with `jobs`), writes their outputs, and reports.
public struct RunAction: Sendable {
    public let layout: ProjectLayout
    public let options: RunOptions
    /// Print one JSON record per cell on standard output.
    public let json: Bool

    /// Creates the action.
    public init(layout: ProjectLayout, options: RunOptions, json: Bool) {
        self.layout = layout
        self.options = options
        self.json = json
    }

    /// Runs `files`; returns the command's exit code (0 when every lesson is fine).
    public func run(_ files: [URL]) -> Int32 {
        // Nothing outlives the run: a signal removes its folders and kills its programs; what a killed runner left
        // behind is swept first.
        ExitCleanup.shared.installSignalHandlers()
        LeftoverSweep.sweep(besideLessonsIn: files.map { $0.deletingLastPathComponent() })
        let reporter = ProgressReporter(total: files.count)
        let environment: RunEnvironment
        do {
            environment = try RunEnvironment.prepare(layout: layout, options: options, reporter: reporter)
        } catch {
            reporter.message("error: \(error)")
            return 1
        }
        let pipeline = LessonPipeline(
            layout: layout, options: options, fingerprint: environment.fingerprint,
            executor: { try environment.runExecutor() })
        let reports = WorkerPool(width: max(1, options.jobs)).map(files) { file in
            let watch = CellWatch(
                started: { lesson, index in reporter.cellStarted(lesson, index: index) },
                progress: { lesson, index, update in reporter.cellProgress(lesson, index: index, update) })
            let report = pipeline.run(file, watch: watch)
            reporter.lessonFinished(report)
            return report
        }
        environment.pruneTrainingCache()
        if json { JSONRecords.print(reports) }
        return reports.contains { $0.isFailure } ? 1 : 0
    }
}
