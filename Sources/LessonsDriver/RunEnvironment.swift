import Foundation
import LessonExecution
import LessonFingerprint

/// What every lesson of a run shares: the toolchain, LessonKit, and the fingerprint made from them.
struct RunEnvironment: Sendable {
    let fingerprint: Fingerprint
    private let toolchain: Toolchain
    private let location: Result<LessonKitLocation, ExecutionError>
    private let limits: RunLimits
    private let workingDirectory: String
    private let optimize: Bool
    /// Where `lessons run` keeps trained models (in the caches' folder), and whether `--force` renews them.
    private let trainingCache: TrainingCacheSetting
    /// Where `lessons run` keeps compiled lesson programs (in the caches' folder).
    private let programCache: ProgramCache

    /// Finds the compiler and LessonKit; building LessonKit first when it is missing from a package checkout.
    static func prepare(layout: ProjectLayout, options: RunOptions, reporter: ProgressReporter) throws -> RunEnvironment {
        let buildDirectory = ProjectLayout.runningExecutable.deletingLastPathComponent()
        let packageRoot = LessonKitLocation.findPackageRoot(above: buildDirectory)
        let cacheDirectory = layout.cacheDirectory(packageRoot: packageRoot)
        let toolchain = try Toolchain.locate(cacheDirectory: cacheDirectory)
        var location = Result { () throws(ExecutionError) in try LessonKitLocation.locate() }
        // `--check` runs nothing (unless with `--seed`), so it needs no LessonKit build.
        if case .failure = location, let packageRoot, !options.check || options.seed != nil {
            reporter.message("note: LessonKit is not built yet; building it with `swift build --product LessonKit`")
            LessonKitBuilder.build(packageRoot: packageRoot, buildDirectory: buildDirectory)
            location = Result { () throws(ExecutionError) in try LessonKitLocation.locate() }
        }
        // A LessonKit built by another compiler cannot be imported: say so before compiling anything.
        if case .success(let found) = location, let problem = found.toolchainProblem(toolchain) {
            location = .failure(.toolchainMismatch(problem))
        }
        let libraryDirectory = (try? location.get())?.libraryDirectory ?? buildDirectory.path
        let lessonKitFingerprint = Fingerprint.lessonKit(packageRoot: packageRoot, libraryDirectory: libraryDirectory)
        var limits = RunLimits()
        limits.defaultCellTimeout = options.timeout
        let fingerprint = Fingerprint(toolchainVersion: toolchain.version, lessonKit: lessonKitFingerprint)
        return RunEnvironment(
            fingerprint: fingerprint, toolchain: toolchain, location: location, limits: limits,
            workingDirectory: layout.root.path, optimize: options.optimize,
            trainingCache: TrainingCacheSetting(
                folder: cacheDirectory.appendingPathComponent("training").path, salt: fingerprint.environment,
                refresh: options.force),
            programCache: ProgramCache(
                folder: cacheDirectory.appendingPathComponent("programs").path, salt: fingerprint.environment))
    }

    /// Keeps the training cache within its size (``TrainingCachePruning``).
    func pruneTrainingCache() { TrainingCachePruning.prune(trainingCache.folder) }

    /// The executor of `lessons run`: as ``executor()``, with the training cache.
    func runExecutor() throws -> LessonExecutor {
        var executor = try executor()
        executor.trainingCache = trainingCache
        executor.programCache = programCache
        return executor
    }

    func executor() throws -> LessonExecutor {
        var executor = LessonExecutor(
            toolchain: toolchain, lessonKit: try location.get(), limits: limits, workingDirectory: workingDirectory)
        executor.optimize = optimize
        return executor
    }
}
