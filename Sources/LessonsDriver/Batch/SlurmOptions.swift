/// The choices of `lessons grade --slurm`.
public struct SlurmOptions: Sendable {
    /// How many array tasks.
    public var tasks: Int
    /// The job's folder (default `batch/<lesson>`), on storage the nodes share.
    public var folder: String?
    public var partition: String?
    public var time: String?
    public var cpusPerTask = 2
    /// Submit the array and the merge job with `sbatch`.
    public var submit = false
    /// Wait for the merge job; fail if any task failed.
    public var wait = false

    /// Options for `tasks` tasks.
    public init(tasks: Int) { self.tasks = tasks }
}
