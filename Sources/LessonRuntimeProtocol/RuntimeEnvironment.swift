/// The environment variables through which the runner configures a running lesson program.
///
/// The runner sets them; `LessonKit`'s `LessonRuntime` reads them before the first cell runs.
public enum RuntimeEnvironment {
    /// Directory where the program writes each cell's captured streams and display records.
    public static let outputDirectory = "LESSONS_OUTPUT_DIR"
    /// The file descriptor number of the control pipe (cell started/finished events).
    public static let controlDescriptor = "LESSONS_CONTROL_FD"
    /// The file descriptor of a pipe holding the control token (one line), read once at start and closed.
    public static let tokenDescriptor = "LESSONS_TOKEN_FD"
    /// The lesson's random seed, a decimal `UInt64`.
    public static let seed = "LESSONS_SEED"
    /// The lesson's file path as shown in diagnostics (relative to the project root).
    public static let lessonFile = "LESSONS_FILE"
    /// Resource limits to apply before the first cell, in ``ResourceLimitSpec`` text form.
    public static let limits = "LESSONS_LIMITS"
    /// The folder the program changes into before the first cell (the project root).
    public static let workingDirectory = "LESSONS_WORKING_DIRECTORY"
    /// The runner's process id: the program asks to be killed when its parent dies, and stops at once if the
    /// runner is already gone.
    public static let runnerProcess = "LESSONS_RUNNER_PID"
    /// A cgroup (v1 `pids` controller) directory the program joins to cap its process count.
    public static let pidsCgroup = "LESSONS_PIDS_CGROUP"
    /// Comma-separated indices of isolated cells to skip in this run (grading re-runs a program without the
    /// test cells that crashed, instead of compiling it again).
    public static let skippedCells = "LESSONS_SKIPPED_CELLS"
    /// The part a program plays in grading: `submission` (runs a student's code, sends the values its tests
    /// examine) or `checker` (the instructor's program, judges the submission's values); unset outside grading.
    public static let gradingRole = "LESSONS_GRADING_ROLE"
    /// For the checker: a file of the values the submission sent, one ``ProbeWire`` line each.
    public static let probeValues = "LESSONS_PROBE_VALUES"
    /// For the checker: comma-separated indices of the test cells that hold hidden tests. LessonKit's checks in
    /// these cells report only "check failed" and where, never the values or the label they compared.
    public static let hiddenCells = "LESSONS_HIDDEN_CELLS"
    /// The folder where LessonKit keeps models it trained (``trainingCacheIdentity`` names the program); unset:
    /// nothing is cached (grading never sets it).
    public static let trainingCache = "LESSONS_TRAINING_CACHE"
    /// What the program is: a hash of its source, the seed, the skipped cells, the toolchain and LessonKit. A
    /// trained model is reused only by the same program with the same training inputs.
    public static let trainingCacheIdentity = "LESSONS_TRAINING_CACHE_IDENTITY"
    /// `refresh`: train again and overwrite what the cache holds (`lessons run --force`).
    public static let trainingCacheMode = "LESSONS_TRAINING_CACHE_MODE"
}
