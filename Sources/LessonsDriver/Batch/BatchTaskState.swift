import Foundation

/// How one task of a batch job stands, from its status file.
enum BatchTaskState: Equatable {
    /// Ended with this exit status.
    case ended(Int32)
    /// Not started, running, or killed before it could say (cancelled, node lost, out of time).
    case notEnded

    static func read(_ plan: BatchPlan, task: Int) -> BatchTaskState {
        guard let text = try? String(contentsOfFile: plan.statusFile(task), encoding: .utf8),
            let code = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return .notEnded }
        return .ended(code)
    }
}
