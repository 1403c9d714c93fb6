/// How a student's test or program ended, in words a student reads ("your code trapped"), not as the signal
/// number the process died of.
enum StopInWords {
    /// The words for a forked test cell's status (`signal4`, `exit3`, `timeout`, ...).
    static func status(_ status: String, memoryLimitHit: Bool) -> String {
        if status == "timeout" { return "ran past the test's time limit and was stopped" }
        if status.hasPrefix("exit") { return "ended the program (exit status \(status.dropFirst("exit".count)))" }
        if status.hasPrefix("signal"), let number = Int(status.dropFirst("signal".count)) {
            return signal(number, memoryLimitHit: memoryLimitHit)
        }
        return "stopped (\(status))"
    }

    /// The words for death by signal `number`.
    static func signal(_ number: Int, memoryLimitHit: Bool) -> String {
        switch number {
        case 4, 5: "trapped (a Swift runtime error: an index out of range, a failed precondition, fatalError, an overflow)"
        case 6: "aborted"
        case 8: "stopped on an arithmetic error (such as an integer division by zero)"
        case 9: memoryLimitHit ? "ran out of memory (the limit is 2 GB)" : "was killed (usually the memory limit)"
        case 11, 7: "crashed on a bad memory access"
        case 24: "ran past its time limit and was stopped"
        case 25: "wrote more than the file size limit"
        default: "was stopped by signal \(number)"
        }
    }
}
