/// What the runtime remembers between calls: where output goes and the lesson's identity.
struct RuntimeState: Sendable {
    var outputDirectory: String?
    var controlDescriptor: Int32?
    var displayDescriptor: Int32 = -1
    var seed: UInt64 = 0
    var lessonFile = ""
    /// The secret that authenticates control events.
    var token = ""
    /// The cell that is running (nil before the first).
    var currentCell: Int?
    /// Failed checks in the current cell.
    var failedChecks = 0
    /// Smallest partial credit reported in the current cell.
    var credit: Double?
    /// Isolated cells the runner asked to skip in this run.
    var skippedCells: Set<Int> = []
    /// The part this program plays in grading (nil outside grading).
    var gradingRole: GradingRole?
    /// Checker: the submission's values, by probe, in the order they were sent (one JSON line each).
    var probeValues: [Int: [Substring]] = [:]
    /// Checker: how many values of each probe were taken so far.
    var probeCursor: [Int: Int] = [:]
    /// Checker: how many times each check with probes has started (its probes read the value of that execution).
    var checkExecutions: [Int: Int] = [:]
    /// Checker, in a test cell's forked child: where to send the cell's failed checks and credit.
    var childResults: Int32 = -1
    /// Checker: the test cells that hold hidden tests.
    var hiddenCells: Set<Int> = []
    /// Whether the running cell is one of `hiddenCells` (its checks say nothing but "check failed").
    var inHiddenCell = false
}

/// The part a program plays in grading.
enum GradingRole: String, Sendable {
    /// Runs the student's code and sends out the values the tests examine; decides nothing.
    case submission
    /// The instructor's program: takes the submission's values in place of its own and runs the checks.
    case checker
}
