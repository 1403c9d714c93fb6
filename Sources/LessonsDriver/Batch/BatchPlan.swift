public import Foundation

/// A grading job for a batch system, as `lessons grade --slurm` writes it to `<folder>/plan.json`: which lesson and
/// submissions, how many tasks, and where each task's gradebook and status go. `lessons grades merge --plan` and
/// `lessons grades status` read it back.
public struct BatchPlan: Codable, Equatable, Sendable {
    /// The instructor's lesson (absolute path).
    public var lesson: String
    /// The submission files and folders, as given (absolute paths).
    public var submissions: [String]
    /// The gradebook the tasks' gradebooks are merged into (absolute path).
    public var gradebook: String
    /// How many tasks the submissions are split into (by expected work, ``ShardPlan``).
    public var tasks: Int
    /// How many submissions each task grades (task 1 first).
    public var expected: [Int]
    /// The folder of the job's files (absolute path).
    public var folder: String
    /// The `lessons` executable every task runs (absolute path; on storage the nodes share).
    public var executable: String
    /// The folder the tasks run in (the course's root).
    public var projectRoot: String
    /// Options every task passes on to `lessons grade` (`--timeout`, `--compile-budget`, ...).
    public var gradeOptions: [String]

    /// The lesson's name (its file name without `.md`), as the gradebook records it.
    public var lessonName: String { ((lesson as NSString).lastPathComponent as NSString).deletingPathExtension }
    /// The gradebook task `task` (1-based) writes.
    public func shardGradebook(_ task: Int) -> String { folder + "/shards/task-\(task).sqlite" }
    /// The file holding task `task`'s exit status once it has ended.
    public func statusFile(_ task: Int) -> String { folder + "/status/task-\(task)" }
    /// The file the merge job writes its verdict to (`ok`, or the tasks that failed).
    public var mergeStatusFile: String { folder + "/status/merge" }
    /// The plan's own file.
    public static func file(in folder: String) -> String { folder + "/plan.json" }

    /// The plan as written: sorted keys, so the same job gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads the plan of the job in `folder`.
    public static func read(folder: String) throws(BatchError) -> BatchPlan {
        let path = file(in: folder)
        guard let data = FileManager.default.contents(atPath: path) else { throw .noPlan(path) }
        do {
            return try JSONDecoder().decode(BatchPlan.self, from: data)
        } catch {
            throw .unreadablePlan(path, "\(error)")
        }
    }
}
