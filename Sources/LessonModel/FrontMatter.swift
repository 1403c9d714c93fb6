/// A lesson's YAML front matter: its place in the course outline and how it runs.
public struct FrontMatter: Hashable, Sendable {
    public var title: String
    /// The part of the course, e.g. "Part I: Generative Models".
    public var part: String?
    /// The chapter within the part, e.g. "Autoregressive models".
    public var chapter: String?
    /// Position in the outline; lessons sort by `order`, then by file name.
    public var order: Int?
    /// The random seed cells get through `SeededGenerator()`; derived from the file name when absent.
    public var seed: UInt64?
    /// Default per-cell timeout in seconds.
    public var timeout: Double?
    /// Submission deadline (ISO 8601, e.g. `2026-12-01T23:59:00Z`), for late penalties when grading.
    public var deadline: String?
    /// Fraction of the points lost per started day after the deadline (e.g. 0.1), capped at 1.
    public var latePenaltyPerDay: Double?
    /// TeX macros for the lesson's math, by name without the backslash (`KL: "\\mathrm{KL}(#1 \\| #2)"`).
    public var macros: [String: String] = [:]
    /// The front matter's text exactly as written (between the `---` lines), for later stages.
    public var rawText: String
    /// Line range of the whole front matter block, including both `---` lines.
    public var lines: LineRange?

    /// Creates front matter.
    public init(
        title: String, part: String? = nil, chapter: String? = nil, order: Int? = nil, seed: UInt64? = nil,
        timeout: Double? = nil, rawText: String = "", lines: LineRange? = nil
    ) {
        self.title = title
        self.part = part
        self.chapter = chapter
        self.order = order
        self.seed = seed
        self.timeout = timeout
        self.rawText = rawText
        self.lines = lines
    }
}
