import Foundation

/// What the control pipe said about each cell: when it started and whether it finished.
struct CellEvents {
    var started: [Int: Date] = [:]
    var finished: [Int: Date] = [:]
    /// Failed checks per finished cell, as the runtime counted them.
    var failedChecks: [Int: Int] = [:]
    /// Partial credit per finished cell (grading), as the runtime reported it.
    var credit: [Int: Double] = [:]
    /// The cell that started last.
    var current: Int?

    /// Wall time of cell `index` in seconds (until `end` if it did not finish).
    func duration(of index: Int, end: Date) -> Double {
        guard let start = started[index] else { return 0 }
        return (finished[index] ?? end).timeIntervalSince(start)
    }
}
