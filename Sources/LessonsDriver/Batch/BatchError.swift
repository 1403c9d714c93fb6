import Foundation

/// What goes wrong with a batch grading job, said with the file it concerns.
public enum BatchError: Error, CustomStringConvertible, Sendable {
    case noPlan(String)
    case unreadablePlan(String, String)
    case cannotWrite(String, String)
    case schedulerFailed(String, String)

    public var description: String {
        switch self {
        case .noPlan(let path): "\(path): no such file: this folder holds no batch job of `lessons grade --slurm`"
        case .unreadablePlan(let path, let reason): "\(path): cannot read the job's plan: \(reason)"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .schedulerFailed(let command, let output): "`\(command)` failed: \(output)"
        }
    }
}
