/// What the runtime remembers between calls: where output goes and the lesson's identity.
struct RuntimeState: Sendable {
    var outputDirectory: String?
    var controlDescriptor: Int32?
    var displayDescriptor: Int32 = -1
    var seed: UInt64 = 0
    var lessonFile = ""
    /// The secret that authenticates control events.
    var token = ""
    /// Failed checks in the current cell.
    var failedChecks = 0
    /// Smallest partial credit reported in the current cell.
    var credit: Double?
    /// Isolated cells the runner asked to skip in this run.
    var skippedCells: Set<Int> = []
}
