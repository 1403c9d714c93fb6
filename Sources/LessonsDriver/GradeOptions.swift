public import Foundation

/// The choices of a `lessons grade`.
public struct GradeOptions: Sendable {
    /// The instructor's lesson.
    public var lesson: URL
    /// Submission files, or folders of `<student>/<lesson>.md`.
    public var submissions: [URL]
    /// The SQLite gradebook.
    public var gradebook: URL
    public var jobs = 1
    /// Grade again even when the same submission was graded by the same tests.
    public var force = false
    /// Grade only slice `index` (1-based) of `count`, for batch systems.
    public var shard: (index: Int, count: Int)?
    /// Default per-cell timeout in seconds.
    public var timeout: Double = 60
    /// Compile submissions with `-O`. Off by default: a submission's cells are light (the heavy work is in the
    /// already optimised LessonKit), and `-Onone` compiles about three times faster.
    public var optimize = false
    /// CPU seconds every compile of one submission may take together (the compiler runs sandboxed).
    public var compileBudget: Double = 60
    /// Grade only the instructor's solution (as a submission) and report whether it earns every point.
    public var validateOnly = false

    /// Options with defaults.
    public init(lesson: URL, submissions: [URL], gradebook: URL) {
        self.lesson = lesson
        self.submissions = submissions
        self.gradebook = gradebook
    }
}
